package dev.scalewise.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a service's blocks in read order, the order the aligner's rules are defined on: rows by (file,
 * split offset, ordinal), a stable sort of the rows as the blocks list them. The pipeline's blocks
 * (one per file split and service, sometimes several when a split is cut) need at most a sort of the
 * blocks themselves, confirmed by one pass over the ordinals; rows are sorted one by one only when that
 * fails (blocks whose rows are out of order, or that overlap).
 */
final class ReadOrder {
    private static final Comparator<InputBlock> BY_FIRST_ROW = (a, b) -> compare(a, 0, b, 0);

    private ReadOrder() {
    }

    static List<InputBlock> inReadOrder(List<InputBlock> blocks) {
        List<InputBlock> nonEmpty = blocks.stream().filter(b -> b.size() > 0).toList();
        if (isSorted(nonEmpty, false)) {
            return nonEmpty;
        }
        List<InputBlock> byFirstRow = new ArrayList<>(nonEmpty);
        byFirstRow.sort(BY_FIRST_ROW);
        // strictly increasing across blocks: no two rows of different blocks compare equal, so the blocks'
        // given order (the tie-break of the rows' stable sort) does not matter
        return isSorted(byFirstRow, true) ? byFirstRow : sortRows(nonEmpty);
    }

    /** Whether the rows, block after block, are in read order (non-empty blocks). */
    private static boolean isSorted(List<InputBlock> blocks, boolean strictAcrossBlocks) {
        InputBlock previous = null;
        for (InputBlock b : blocks) {
            if (previous != null) {
                int c = compare(previous, previous.size() - 1, b, 0);
                if (c > 0 || (c == 0 && strictAcrossBlocks)) {
                    return false;
                }
            }
            long[] ordinals = b.ordinals();
            for (int i = 1; i < ordinals.length; i++) {
                if (ordinals[i] < ordinals[i - 1]) {
                    return false;
                }
            }
            previous = b;
        }
        return true;
    }

    private static int compare(InputBlock a, int rowOfA, InputBlock b, int rowOfB) {
        // blocks of one split share a path instance: no comparison of ~100-character paths then
        int c = a.file() == b.file() ? 0 : a.file().compareTo(b.file());
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.fileOffset(), b.fileOffset());
        return c != 0 ? c : Long.compare(a.ordinals()[rowOfA], b.ordinals()[rowOfB]);
    }

    /** Every row sorted (stable), each run of rows from one block copied into a block of its own. */
    private static List<InputBlock> sortRows(List<InputBlock> blocks) {
        List<Long> refs = new ArrayList<>(); // (block << 32) | row, in the given order
        for (int b = 0; b < blocks.size(); b++) {
            for (int i = 0; i < blocks.get(b).size(); i++) {
                refs.add(((long) b << 32) | i);
            }
        }
        refs.sort((x, y) -> compare(blocks.get(block(x)), row(x), blocks.get(block(y)), row(y)));
        List<InputBlock> out = new ArrayList<>();
        int from = 0;
        for (int k = 1; k <= refs.size(); k++) {
            if (k == refs.size() || block(refs.get(k)) != block(refs.get(from))) {
                int[] rows = refs.subList(from, k).stream().mapToInt(ReadOrder::row).toArray();
                out.add(blocks.get(block(refs.get(from))).select(rows));
                from = k;
            }
        }
        return out;
    }

    private static int block(long ref) {
        return (int) (ref >>> 32);
    }

    private static int row(long ref) {
        return (int) ref;
    }
}
