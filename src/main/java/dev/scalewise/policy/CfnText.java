package dev.scalewise.policy;

import dev.scalewise.yaml.YNode;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a CloudFormation value where it can be known without deploying: a literal, a parameter's
 * Default ({@code Ref}), {@code Fn::Sub} and {@code Fn::Join} of such values, and {@code Fn::GetAtt} of a
 * resource property written in the template (an endpoint's {@code EndpointName}). Both spellings:
 * {@code !Sub "..."} and {@code {"Fn::Sub": "..."}}. Anything else (an ARN, a pseudo-parameter) is
 * unknown, and the caller says what to write instead.
 */
final class CfnText implements AwsConfig.Props.Texts {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}!]+)}");
    private final YNode template;

    CfnText(YNode template) {
        this.template = template;
    }

    @Override
    public Optional<String> resolve(YNode n) {
        Optional<String> fn = n.localTag();
        if (fn.isEmpty() && n.isMapping() && n.entries().size() == 1) {
            String key = n.entries().keySet().iterator().next();
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return call(key.equals("Ref") ? "Ref" : key.substring(4), n.get(key));
            }
        }
        if (fn.isPresent()) {
            return call(fn.get(), n);
        }
        return n.text();
    }

    /** The logical id a {@code Ref} names, if {@code n} is one. */
    Optional<String> refName(YNode n) {
        if (n.localTag().filter(t -> t.equals("Ref")).isPresent()) {
            return n.text();
        }
        return n.isMapping() && n.entries().size() == 1 ? n.get("Ref").text() : Optional.empty();
    }

    private Optional<String> call(String fn, YNode arg) {
        return switch (fn) {
            case "Ref" -> arg.text().flatMap(this::parameter);
            case "Sub" -> arg.isSequence() ? arg.items().get(0).text().flatMap(this::substitute)
                    : arg.text().flatMap(this::substitute);
            case "Join" -> join(arg);
            case "GetAtt" -> arg.isSequence() && arg.items().size() == 2
                    ? attribute(arg.items().get(0).asText(""), arg.items().get(1).asText(""))
                    : arg.text().filter(t -> t.contains(".")).flatMap(t -> attribute(t.substring(0, t.indexOf('.')),
                    t.substring(t.indexOf('.') + 1)));
            default -> Optional.empty();
        };
    }

    private Optional<String> join(YNode arg) {
        List<YNode> a = arg.items();
        if (a.size() != 2 || a.get(0).text().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (YNode part : a.get(1).items()) {
            Optional<String> t = resolve(part);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            b.append(b.isEmpty() ? "" : a.get(0).text().get()).append(t.get());
        }
        return Optional.of(b.toString());
    }

    private Optional<String> substitute(String s) {
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Optional<String> v = name.contains(".")
                    ? attribute(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1))
                    : parameter(name);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v.get()));
        }
        m.appendTail(b);
        return Optional.of(b.toString());
    }

    private Optional<String> parameter(String name) {
        YNode p = template.get("Parameters").get(name);
        return p.isMapping() ? p.get("Default").text() : Optional.empty();
    }

    /** {@code Fn::GetAtt Resource.Attribute} where the template writes the attribute as a property. */
    private Optional<String> attribute(String resource, String attribute) {
        YNode v = template.get("Resources").get(resource).get("Properties").get(attribute);
        return v.isPresent() ? resolve(v) : Optional.empty();
    }
}
