package io.schemagov.model;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Name patterns as people write them in configuration: {@code *} for any run of characters, nothing else special. */
public final class Globs {

    private Globs() {
    }

    public static Pattern compile(String glob) {
        return Pattern.compile(Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }
}
