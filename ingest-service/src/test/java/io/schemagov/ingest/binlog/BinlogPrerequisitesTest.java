package io.schemagov.ingest.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemagov.ingest.binlog.BinlogPrerequisites.ServerSettings;
import org.junit.jupiter.api.Test;

class BinlogPrerequisitesTest {

    @Test
    void aServerWithTheBinlogInRowFormatAndFullImagesIsReady() {
        assertThat(BinlogPrerequisites.settingProblems(new ServerSettings(true, "ROW", "FULL"))).isEmpty();
    }

    @Test
    void binlogOffNeedsARestartWithTheOptionsNamed() {
        assertThat(BinlogPrerequisites.settingProblems(new ServerSettings(false, "ROW", "FULL")))
                .singleElement().asString().contains("log_bin", "server_id", "restart the server");
    }

    @Test
    void mixedFormatAndMinimalImagesGiveTheStatementsToRun() {
        assertThat(BinlogPrerequisites.settingProblems(new ServerSettings(true, "MIXED", "MINIMAL"))).containsExactly(
                "binlog_format is MIXED, must be ROW: SET GLOBAL binlog_format = 'ROW'; and binlog_format=ROW in the "
                        + "option file so it survives a restart",
                "binlog_row_image is MINIMAL, must be FULL: SET GLOBAL binlog_row_image = 'FULL'; and "
                        + "binlog_row_image=FULL in the option file so it survives a restart");
    }
}
