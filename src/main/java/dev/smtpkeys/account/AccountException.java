package dev.smtpkeys.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An account form refused; nothing was changed. Names the problem of each field, never a typed password. */
public class AccountException extends RuntimeException {

    private final Map<String, AccountProblem> problems;

    public AccountException(Map<String, AccountProblem> problems) {
        super(problems.toString(), null, false, false);
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public AccountException(String field, AccountProblem problem) {
        this(Map.of(field, problem));
    }

    /** Field name → problem, in the order of the form. */
    public Map<String, AccountProblem> problems() {
        return problems;
    }
}
