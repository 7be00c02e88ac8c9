package dev.scalewise;

/**
 * A problem with the user's input (a file, a flag, a dataset) that the user can fix. The CLI prints the
 * message alone, with no stack trace, and exits with {@link ExitCodes#INPUT}. Messages name the file,
 * line/column or dataset/column, what was expected and what was found.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
