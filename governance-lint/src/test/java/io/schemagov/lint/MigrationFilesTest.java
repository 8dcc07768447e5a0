package io.schemagov.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsADirectorysSqlFilesInFlywayVersionOrder() throws Exception {
        for (String name : List.of("V10__late.sql", "V2__second.sql", "V1.1__patch.sql", "V1__init.sql",
                "R__views.sql", "V1_2__underscored.sql", "notes.txt", "V3__upper.SQL")) {
            Files.writeString(dir.resolve(name), "SELECT 1;");
        }
        Files.createDirectory(dir.resolve("V0__a_directory.sql"));

        assertThat(MigrationFiles.expand(List.of(dir.toString()))).extracting(path -> path.getFileName().toString())
                .containsExactly("V1__init.sql", "V1.1__patch.sql", "V1_2__underscored.sql", "V2__second.sql",
                        "V3__upper.SQL", "V10__late.sql", "R__views.sql");
    }

    @Test
    void ordersOtherNamesNaturally() throws Exception {
        for (String name : List.of("10_users.sql", "2_orders.sql", "001_init.sql")) {
            Files.writeString(dir.resolve(name), "SELECT 1;");
        }

        assertThat(MigrationFiles.expand(List.of(dir.toString()))).extracting(path -> path.getFileName().toString())
                .containsExactly("001_init.sql", "2_orders.sql", "10_users.sql");
    }

    @Test
    void keepsFilesInTheOrderGiven() throws Exception {
        Path b = Files.writeString(dir.resolve("b.sql"), "");
        Path a = Files.writeString(dir.resolve("a.txt"), "");

        assertThat(MigrationFiles.expand(List.of(b.toString(), a.toString()))).containsExactly(b, a);
    }

    @Test
    void namesWhatIsMissing() {
        String missing = dir.resolve("nope.sql").toString();

        assertThatThrownBy(() -> MigrationFiles.expand(List.of(missing))).isInstanceOf(InputException.class)
                .hasMessage(missing + ": no such file or directory, or not readable");
    }

    @Test
    void refusesADirectoryWithoutMigrations() {
        assertThatThrownBy(() -> MigrationFiles.expand(List.of(dir.toString()))).isInstanceOf(InputException.class)
                .hasMessage("no .sql files in " + dir);
    }
}
