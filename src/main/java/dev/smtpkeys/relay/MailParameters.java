package dev.smtpkeys.relay;

import java.util.Locale;

/**
 * The reverse path and the parameters of one MAIL command (RFC 5321 §4.1.1.2): {@code SIZE=} (RFC 1870),
 * {@code BODY=7BIT|8BITMIME} (RFC 6152), {@code SMTPUTF8} (RFC 6531) and {@code AUTH=} (RFC 4954, accepted
 * and ignored). SubEthaSMTP reads only a trailing SIZE and ignores the rest, so the relay parses them here.
 */
record MailParameters(String address, long size, boolean eightBit, boolean smtputf8) {

    /** A MAIL command that cannot be accepted as written, with the reply it gets. */
    static final class Refused extends Exception {

        private final int code;

        Refused(int code, String text) {
            super(text, null, false, false);
            this.code = code;
        }

        int code() {
            return code;
        }

        /** The whole reply line: code and text. */
        String reply() {
            return code + " " + getMessage();
        }
    }

    /** Parses {@code MAIL FROM:<address> [parameters]}; {@code smtputf8Offered} says whether EHLO offered SMTPUTF8. */
    static MailParameters parse(String command, boolean smtputf8Offered) throws Refused {
        String args = command.length() > 4 ? command.substring(4).strip() : "";
        if (!args.regionMatches(true, 0, "FROM:", 0, 5)) {
            throw new Refused(501, "5.5.4 Syntax: MAIL FROM:<address>");
        }
        String rest = args.substring(5).stripLeading();
        String address;
        if (rest.startsWith("<")) {
            int close = rest.indexOf('>');
            if (close < 0) {
                throw new Refused(501, "5.5.4 Syntax: MAIL FROM:<address>");
            }
            address = rest.substring(1, close);
            rest = rest.substring(close + 1);
        } else {
            int space = rest.indexOf(' ');
            address = space < 0 ? rest : rest.substring(0, space);
            rest = space < 0 ? "" : rest.substring(space);
        }
        long size = 0;
        boolean eightBit = false;
        boolean smtputf8 = false;
        for (String parameter : rest.strip().split("\\s+")) {
            String upper = parameter.toUpperCase(Locale.ROOT);
            if (parameter.isEmpty() || upper.startsWith("AUTH=")) {
                continue;
            }
            if (upper.startsWith("SIZE=") && upper.substring(5).matches("[0-9]{1,18}")) {
                size = Long.parseLong(upper.substring(5));
            } else if (upper.equals("BODY=8BITMIME") || upper.equals("BODY=7BIT")) {
                eightBit = upper.equals("BODY=8BITMIME");
            } else if (upper.equals("SMTPUTF8") && smtputf8Offered) {
                smtputf8 = true;
            } else {
                throw new Refused(555, "5.5.4 Unsupported option: " + parameter);
            }
        }
        MailParameters parameters = new MailParameters(address, size, eightBit, smtputf8);
        parameters.checkAddress(address);
        return parameters;
    }

    /** RFC 6531 §3.4: without SMTPUTF8, envelope addresses are ASCII; Postfix's answer and code. */
    void checkAddress(String envelopeAddress) throws Refused {
        if (!smtputf8 && !isAscii(envelopeAddress)) {
            throw new Refused(553, "5.6.7 Must declare SMTPUTF8 to send unicode address");
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
