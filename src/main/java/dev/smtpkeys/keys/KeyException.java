package dev.smtpkeys.keys;

/** A key use case refused; nothing was changed. Carries no secret, only the reason. */
public class KeyException extends RuntimeException {

    private final KeyProblem problem;

    public KeyException(KeyProblem problem) {
        super(problem.name(), null, false, false);
        this.problem = problem;
    }

    public KeyProblem problem() {
        return problem;
    }
}
