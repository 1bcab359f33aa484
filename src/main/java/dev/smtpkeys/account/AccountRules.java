package dev.smtpkeys.account;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of the account forms, in plain Java: company name, e-mail address and password. Each
 * check adds the field's problem to a map, so a form can show every mistake at once.
 */
public final class AccountRules {

    public static final int COMPANY_MAX_LENGTH = 200;
    public static final int PASSWORD_MIN_LENGTH = 12;
    /** bcrypt reads no further than 72 bytes; a longer password would only seem stronger. */
    public static final int PASSWORD_MAX_BYTES = 72;

    // deliberately loose: one @, something on each side, a dot in the domain, no spaces or controls
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private final Map<String, AccountProblem> problems = new LinkedHashMap<>();

    public static AccountRules check() {
        return new AccountRules();
    }

    /** The company name as stored, or null after adding its problem. */
    public String company(String field, String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (name.isEmpty()) {
            problems.put(field, AccountProblem.COMPANY_REQUIRED);
            return null;
        }
        if (name.codePointCount(0, name.length()) > COMPANY_MAX_LENGTH) {
            problems.put(field, AccountProblem.COMPANY_TOO_LONG);
            return null;
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            problems.put(field, AccountProblem.COMPANY_INVALID);
            return null;
        }
        return name;
    }

    /** The e-mail address as stored (lower case), or null after adding its problem. */
    public String email(String field, String raw) {
        String email = User.normalizeEmail(raw);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.put(field, AccountProblem.EMAIL_INVALID);
            return null;
        }
        return email;
    }

    /** Checks a new password and its repetition; the e-mail (may be null) must not be the password. */
    public void newPassword(String field, String repeatField, String password, String repeat, String email) {
        String value = password == null ? "" : password;
        if (value.codePointCount(0, value.length()) < PASSWORD_MIN_LENGTH) {
            problems.put(field, AccountProblem.PASSWORD_TOO_SHORT);
        } else if (value.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            problems.put(field, AccountProblem.PASSWORD_TOO_LONG);
        } else if (email != null && value.strip().equalsIgnoreCase(email.strip())) {
            problems.put(field, AccountProblem.PASSWORD_IS_EMAIL);
        } else if (!value.equals(repeat)) {
            problems.put(repeatField, AccountProblem.PASSWORD_MISMATCH);
        }
    }

    public void add(String field, AccountProblem problem) {
        problems.putIfAbsent(field, problem);
    }

    public boolean hasProblem(String field) {
        return problems.containsKey(field);
    }

    /** Throws the collected problems, if any. */
    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new AccountException(problems);
        }
    }
}
