package io.schemagov.rules.config;

/** A rules file that cannot be used, with the place and the reason, so that start-up can stop and say so. */
public final class RulesFileException extends IllegalArgumentException {

    RulesFileException(String source, int line, String reason) {
        super(source + ", line " + line + ": " + reason);
    }
}
