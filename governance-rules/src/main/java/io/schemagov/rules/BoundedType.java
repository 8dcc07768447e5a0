package io.schemagov.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type with a hard bound on its values, read from the type as written in ALTER COLUMN ... TYPE.
 *
 * @param name  the type as PostgreSQL formats it, e.g. {@code character varying(50)}
 * @param limit what happens to values that do not fit, e.g. {@code values longer than 50 characters are rejected}
 */
record BoundedType(String name, String limit) {

    private static final Pattern VARCHAR = Pattern.compile(
            "(?:pg_catalog\\.)?(?:varchar|character varying|char varying)\\s*\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern CHAR = Pattern.compile(
            "(?:pg_catalog\\.)?(?:char|character|bpchar)(?:\\s*\\(\\s*(\\d+)\\s*\\))?");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?:pg_catalog\\.)?(?:numeric|decimal)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    private static final Pattern SMALLINT = Pattern.compile("(?:pg_catalog\\.)?(?:smallint|int2)");
    private static final Pattern INTEGER = Pattern.compile("(?:pg_catalog\\.)?(?:integer|int|int4)");
    private static final Pattern REAL = Pattern.compile("(?:pg_catalog\\.)?(?:real|float4)");
    private static final Pattern FLOAT = Pattern.compile("float\\s*\\(\\s*(\\d+)\\s*\\)");

    /** The bound of the type, or empty for unbounded or unknown types (text, bigint, numeric, arrays, ...). */
    static Optional<BoundedType> of(String written) {
        String type = written == null ? "" : written.trim().toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = VARCHAR.matcher(type)).matches()) {
            return Optional.of(new BoundedType("character varying(" + m.group(1) + ")",
                    "values longer than " + m.group(1) + " characters are rejected"));
        }
        if ((m = CHAR.matcher(type)).matches() && (m.group(1) != null || !type.endsWith("bpchar"))) {
            String length = m.group(1) == null ? "1" : m.group(1); // char alone is char(1)
            return Optional.of(new BoundedType("character(" + length + ")", "values longer than " + length
                    + " characters are rejected and shorter ones padded with spaces"));
        }
        if ((m = NUMERIC.matcher(type)).matches()) {
            return Optional.of(numeric(Integer.parseInt(m.group(1)), m.group(2) == null ? 0
                    : Integer.parseInt(m.group(2))));
        }
        if (SMALLINT.matcher(type).matches()) {
            return Optional.of(new BoundedType("smallint", "values outside -32768..32767 are rejected"));
        }
        if (INTEGER.matcher(type).matches()) {
            return Optional.of(new BoundedType("integer", "values outside -2147483648..2147483647 are rejected"));
        }
        if (REAL.matcher(type).matches() || (m = FLOAT.matcher(type)).matches() && Integer.parseInt(m.group(1)) <= 24) {
            return Optional.of(new BoundedType("real", "values keep only about 6 significant digits"));
        }
        return Optional.empty();
    }

    private static BoundedType numeric(int precision, int scale) {
        String name = "numeric(" + precision + "," + scale + ")";
        int whole = precision - scale;
        String limit = "values with more than " + whole + (whole == 1 ? " digit" : " digits")
                + " before the decimal point are rejected and "
                + (scale == 0 ? "fractions rounded to whole numbers" : "decimals beyond " + scale + " rounded");
        return new BoundedType(name, limit);
    }
}
