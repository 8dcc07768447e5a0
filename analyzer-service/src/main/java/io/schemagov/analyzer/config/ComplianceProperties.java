package io.schemagov.analyzer.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The compliance rules over data changes and DDL: what counts as a bulk change, when changes are allowed, which
 * tables are sensitive, append-only or soft-deleting, and who may run DDL. Table patterns are globs over
 * {@code schema.table} ({@code *} for any run of characters).
 *
 * @param bulkChangeRows   rows deleted or updated in one table by one transaction from which it is a bulk change
 * @param changeWindows    when changes are expected; none configured means any time
 * @param sensitiveTables  tables whose data may change only inside a change window
 * @param appendOnlyTables audit and history tables, where an UPDATE, DELETE or TRUNCATE is tampering
 * @param softDeleteColumns a table having one of these columns deletes softly; a hard DELETE there is flagged
 * @param ddlRoles         the roles allowed to run DDL; empty means any role
 * @param ddlOnlyInWindows whether DDL outside the change windows is flagged
 * @param actorRequiredTables tables whose every data change must name the actor the application declared (needs the
 *                         source's actor attribution)
 */
@Validated
@ConfigurationProperties("schemagov.analyzer.compliance")
public record ComplianceProperties(
        @Min(1) @DefaultValue("1000") int bulkChangeRows,
        @DefaultValue List<@Valid ChangeWindow> changeWindows,
        @DefaultValue List<@NotBlank String> sensitiveTables,
        @DefaultValue({"*.*_audit", "*.*_history", "*.audit_*", "audit.*"}) List<@NotBlank String> appendOnlyTables,
        @DefaultValue({"deleted_at", "is_deleted", "deleted", "archived_at"}) List<@NotBlank String> softDeleteColumns,
        @DefaultValue List<@NotBlank String> ddlRoles,
        @DefaultValue("false") boolean ddlOnlyInWindows,
        @DefaultValue List<@NotBlank String> actorRequiredTables) {

    /**
     * A weekly window, e.g. days MONDAY..FRIDAY from 08:00 to 18:00 in Europe/Berlin.
     *
     * @param from inclusive local start, {@code HH:mm}
     * @param to   exclusive local end, {@code HH:mm}; before {@code from} means the window runs past midnight
     */
    public record ChangeWindow(@NotEmpty List<DayOfWeek> days, @NotBlank String from, @NotBlank String to,
            @DefaultValue("UTC") String zone) {

        public ChangeWindow {
            time("from", from);
            time("to", to);
            try {
                ZoneId.of(zone);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("change-windows zone: unknown time zone '" + zone + "'");
            }
        }

        public LocalTime fromTime() {
            return LocalTime.parse(from);
        }

        public LocalTime toTime() {
            return LocalTime.parse(to);
        }

        public ZoneId zoneId() {
            return ZoneId.of(zone);
        }

        private static void time(String name, String value) {
            try {
                LocalTime.parse(value);
            } catch (DateTimeParseException | NullPointerException e) {
                throw new IllegalArgumentException("change-windows " + name + ": expected HH:mm, got '" + value + "'");
            }
        }

        @Override
        public String toString() {
            return days.stream().map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT)).toList() + " " + from
                    + "-" + to + " " + zone;
        }
    }
}
