package dev.scalewise.importer;

import java.io.IOException;
import java.nio.file.Path;

/** Test access to the importer's package-private helpers. */
public final class PartitionCommitAccess {
    private PartitionCommitAccess() {
    }

    public static void deleteTree(Path tree) throws IOException {
        PartitionCommit.deleteTree(tree);
    }
}
