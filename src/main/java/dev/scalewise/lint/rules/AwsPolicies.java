package dev.scalewise.lint.rules;

import dev.scalewise.UserError;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.ObjectRef;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AwsNodes;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.ServiceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The AWS Application Auto Scaling policies of a lint run, with the configuration each comes from (one
 * CloudFormation template or Terraform plan may hold several scalable targets). A configuration the
 * policy model refuses gives none here: SW003 reports it.
 */
final class AwsPolicies {
    private AwsPolicies() {
    }

    /** A finding of {@code meta}'s rule about scalable target {@code p} of configuration {@code m}, at {@code place}. */
    static Finding finding(RuleMeta meta, Manifest m, AppAutoScalingPolicy p, AwsNodes.Place place, String message) {
        ObjectRef target = new ObjectRef(m.kind(), p.meta().name(), "", m.ref().source(), m.ref().docIndex());
        return new Finding(meta.id(), meta.severity(), message, place.location(), place.path(), target);
    }

    /** What a rule does with a policy whose service services.yaml names with a startup time. */
    @FunctionalInterface
    interface WithStartup {
        void accept(Manifest m, AppAutoScalingPolicy p, ServiceSpec service, double startupSeconds);
    }

    /** As {@link #each}, for the policies whose service has a stated startup time (none without --services). */
    static void eachWithStartup(LintContext ctx, WithStartup action) {
        if (!ctx.hasServices()) {
            return;
        }
        each(ctx, (m, p) -> ctx.service(p.meta().service()).filter(s -> s.startupSeconds().isPresent())
                .ifPresent(s -> action.accept(m, p, s, s.startupSeconds().getAsDouble())));
    }

    static void each(LintContext ctx, BiConsumer<Manifest, AppAutoScalingPolicy> action) {
        for (Manifest m : ctx.ofKind(AppAutoScalingPolicy.KIND)) {
            List<AppAutoScalingPolicy> policies = new ArrayList<>();
            try {
                PolicyReader.readAll(m.doc(), PolicyReader.Context.standalone()).forEach(p -> policies.add((AppAutoScalingPolicy) p));
            } catch (UserError e) {
                continue;
            }
            policies.forEach(p -> action.accept(m, p));
        }
    }
}
