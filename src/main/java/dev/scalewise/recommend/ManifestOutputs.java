package dev.scalewise.recommend;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the edited manifests go under {@code --out}, and what {@code --diff} prints for them. Each file
 * keeps its path relative to the deepest directory all edited files share, so {@code prod/hpa.yaml} and
 * {@code staging/hpa.yaml} land in {@code manifests/prod/hpa.yaml} and {@code manifests/staging/hpa.yaml},
 * never in one file; a single directory of inputs keeps the flat layout.
 */
public final class ManifestOutputs {
    /** Lines of context around each change in a diff (as {@code diff -u}). */
    static final int CONTEXT = 3;

    private ManifestOutputs() {
    }

    /** Per input file (as read), its path relative to the files' deepest common directory. */
    public static Map<String, Path> relativePaths(Collection<String> files) {
        Path common = null;
        for (String f : files) {
            Path dir = absolute(f).getParent();
            common = common == null ? dir : commonAncestor(common, dir);
        }
        Map<String, Path> out = new LinkedHashMap<>();
        for (String f : files) {
            Path abs = absolute(f);
            out.put(f, common == null ? abs.getFileName() : common.relativize(abs));
        }
        return out;
    }

    /**
     * A unified diff of one manifest ("--- a/path", "+++ b/path", hunks with {@value #CONTEXT} lines of
     * context); empty when nothing changed.
     */
    public static String unifiedDiff(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, DiffUtils.diff(a, b), CONTEXT);
        return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
    }

    /** The text's lines, without the empty one after a final newline. */
    private static List<String> lines(String text) {
        List<String> all = Arrays.asList(text.split("\n", -1));
        return text.endsWith("\n") ? all.subList(0, all.size() - 1) : all;
    }

    private static Path absolute(String file) {
        return Path.of(file).toAbsolutePath().normalize();
    }

    private static Path commonAncestor(Path a, Path b) {
        Path p = a;
        while (p != null && !b.startsWith(p)) {
            p = p.getParent();
        }
        return p;
    }
}
