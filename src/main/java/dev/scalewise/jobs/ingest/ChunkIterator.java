package dev.scalewise.jobs.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The chunks a packer's {@link ChunkAssembler} completes, handed out as its input is read: one row at a
 * time until a chunk is ready, and the open ones at its end.
 */
final class ChunkIterator implements Iterator<InputChunk> {
    /** Reads one more row into the assembler; false at the end of the input. */
    @FunctionalInterface
    interface Reader {
        boolean readMore();
    }

    private final ChunkAssembler chunks;
    private final Reader reader;

    ChunkIterator(ChunkAssembler chunks, Reader reader) {
        this.chunks = chunks;
        this.reader = reader;
    }

    @Override
    public boolean hasNext() {
        while (!chunks.hasReady()) {
            if (!reader.readMore()) {
                chunks.flush();
                break;
            }
        }
        return chunks.hasReady();
    }

    @Override
    public InputChunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return chunks.take();
    }
}
