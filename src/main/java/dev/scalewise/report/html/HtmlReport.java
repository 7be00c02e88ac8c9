package dev.scalewise.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the report as one self-contained HTML file: the page, its style and script (resources next
 * to this class, written by us: no library, no network at view time, which the page's
 * Content-Security-Policy enforces), the fleet table's rows as JSON, and each service's pane as gzip'd
 * JSON in base64 (the browser inflates a pane when its page opens, with DecompressionStream).
 */
public final class HtmlReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param title    the page title
     * @param subtitle one line under it (data range, how the figures were obtained)
     * @param mode     "recommend" (fleet rows are recommendations) or "backtest" (policy totals)
     * @param fleet    the fleet table's rows (the recommend/backtest JSON rows, unrounded)
     * @param totals   one sentence of fleet totals, or null
     * @param notes    data-quality notes and assumptions, shown in the footer
     * @param panes    per service, its pane (dev.scalewise.charts.ServicePane)
     */
    public record Content(String title, String subtitle, String mode, List<ObjectNode> fleet, String totals,
                          List<String> notes, Map<String, ObjectNode> panes) {
    }

    private HtmlReport() {
    }

    /** The page as text. */
    public static String render(Content c) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("mode", c.mode());
        ArrayNode fleet = data.putArray("fleet");
        c.fleet().forEach(fleet::add);
        if (c.totals() != null) {
            data.putObject("totals").put("text", c.totals());
        }
        StringBuilder panes = new StringBuilder();
        for (Map.Entry<String, ObjectNode> e : c.panes().entrySet()) {
            panes.append("<script type=\"application/gzip-base64\" data-pane=\"").append(attribute(e.getKey())).append("\">")
                    .append(gzipBase64(json(e.getValue()))).append("</script>\n");
        }
        return fill(resource("report.html"), Map.of("STYLE", resource("report.css"), "PANES", panes.toString(),
                "DATA", scriptSafe(json(data)), "FOOTER", text(String.join(" · ", c.notes())),
                "SUBTITLE", text(c.subtitle()), "TITLE", text(c.title()), "SCRIPT", resource("report.js")));
    }

    /** Replaces each {{NAME}} of the template in one pass (a value holding "{{...}}" stays as it is). */
    private static String fill(String template, Map<String, String> values) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{([A-Z]+)}}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(values.get(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    /** Writes the page to {@code out} whole or not at all (a temporary file moved into place). */
    public static long write(Content c, Path out) throws IOException {
        byte[] bytes = render(c).getBytes(StandardCharsets.UTF_8);
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".scalewise-report-", ".html");
        try {
            Files.write(tmp, bytes);
            readableByAll(tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return bytes.length;
    }

    /** A temporary file is created private; the report is a document like any other. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static String json(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gzipBase64(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** JSON inside a script element: "</" must not close it, and U+2028/9 stay escaped. */
    static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attribute(String s) {
        return text(s).replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
