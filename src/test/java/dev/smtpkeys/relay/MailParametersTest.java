package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailParametersTest {

    @Test
    void parametersAreReadInAnyOrder() throws MailParameters.Refused {
        MailParameters mail = MailParameters.parse("MAIL FROM:<a@example.org> SIZE=1234 BODY=8BITMIME SMTPUTF8", true);
        assertEquals("a@example.org", mail.address());
        assertEquals(1234, mail.size());
        assertTrue(mail.eightBit());
        assertTrue(mail.smtputf8());
        // SubEthaSMTP reads SIZE only when it comes last
        assertEquals(99, MailParameters.parse("mail from: <a@example.org> size=99 body=7bit", true).size());
        assertEquals(0, MailParameters.parse("MAIL FROM:<a@example.org>", true).size());
    }

    @Test
    void theAuthParameterOfRelayingMtasIsAccepted() throws MailParameters.Refused {
        assertEquals("a@example.org", MailParameters.parse("MAIL FROM:<a@example.org> AUTH=<>", true).address());
    }

    @Test
    void unknownParametersAreRefusedWith555() {
        MailParameters.Refused refused = assertThrows(MailParameters.Refused.class,
                () -> MailParameters.parse("MAIL FROM:<a@example.org> RET=HDRS", true));
        assertEquals("555 5.5.4 Unsupported option: RET=HDRS", refused.reply());
        assertThrows(MailParameters.Refused.class, () -> MailParameters.parse("MAIL FROM:<a@example.org> BODY=BINARYMIME", true));
        assertThrows(MailParameters.Refused.class, () -> MailParameters.parse("MAIL FROM:<a@example.org> SIZE=lots", true));
    }

    @Test
    void smtputf8IsOnlyAcceptedWhereOffered() {
        assertThrows(MailParameters.Refused.class, () -> MailParameters.parse("MAIL FROM:<a@example.org> SMTPUTF8", false));
    }

    @Test
    void nonAsciiAddressesNeedSmtputf8() throws MailParameters.Refused {
        MailParameters.Refused refused = assertThrows(MailParameters.Refused.class,
                () -> MailParameters.parse("MAIL FROM:<jörg@bücher.example>", true));
        assertEquals("553 5.6.7 Must declare SMTPUTF8 to send unicode address", refused.reply());
        MailParameters ascii = MailParameters.parse("MAIL FROM:<a@example.org>", true);
        assertThrows(MailParameters.Refused.class, () -> ascii.checkAddress("θσερ@παράδειγμα.ελ"));
        MailParameters utf8 = MailParameters.parse("MAIL FROM:<jörg@bücher.example> SMTPUTF8", true);
        utf8.checkAddress("θσερ@παράδειγμα.ελ");
        assertFalse(utf8.eightBit());
    }

    @Test
    void aPathWithoutClosingBracketIsASyntaxError() {
        assertEquals(501, assertThrows(MailParameters.Refused.class,
                () -> MailParameters.parse("MAIL FROM:<a@example.org", true)).code());
        assertEquals(501, assertThrows(MailParameters.Refused.class,
                () -> MailParameters.parse("MAIL TO:<a@example.org>", true)).code());
    }
}
