package dev.scalewise.lint;

import dev.scalewise.UserError;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes minor release such as 1.29, for API deprecation and removal checks. */
public record KubeVersion(int major, int minor) implements Comparable<KubeVersion> {
    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(\\.\\d+)?([-+].*)?");

    /**
     * Assumed when {@code --kube-version} is absent: a current release, so every API the table knows
     * as removed is reported as removed (docs/rules/SW108.md).
     */
    public static final String DEFAULT_TEXT = "1.33";
    public static final KubeVersion DEFAULT = parse(DEFAULT_TEXT);

    public static KubeVersion parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new UserError("--kube-version: expected MAJOR.MINOR such as 1.29 (or v1.29.3), found '" + text + "'");
        }
        return new KubeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public int compareTo(KubeVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    public boolean atLeast(KubeVersion o) {
        return compareTo(o) >= 0;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
