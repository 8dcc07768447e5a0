package io.schemagov.lint;

/** A mistake in what the user gave the lint (an option, a file, the rules file): reported in one line, exit 2. */
final class InputException extends RuntimeException {

    InputException(String message) {
        super(message);
    }
}
