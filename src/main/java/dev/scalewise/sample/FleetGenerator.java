package dev.scalewise.sample;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Simulates every service of a {@link SampleConfig}; the services are independent of each other. */
public final class FleetGenerator {
    /** The launch happens at 10:00 local time, 60 % into the sample (a Tuesday for 14 days from a Monday). */
    static final LocalTime LAUNCH_LOCAL_TIME = LocalTime.of(10, 0);
    static final double LAUNCH_AT_SHARE_OF_SAMPLE = 0.6;

    private FleetGenerator() {
    }

    /** The whole sample in memory: for tests and small fleets. */
    public static List<ServiceSeries> generate(SampleConfig config) {
        List<ServiceSeries> out = new ArrayList<>();
        for (ServiceSimulator simulator : simulators(config)) {
            out.add(simulator.advance(config.steps()));
        }
        return out;
    }

    /** One simulator per service, positioned at the start; advance them day by day to stream. */
    static List<ServiceSimulator> simulators(SampleConfig config) {
        List<ServiceSimulator> out = new ArrayList<>();
        for (ServiceProfile profile : FleetProfiles.first(config.services(), config.seed())) {
            out.add(new ServiceSimulator(profile, config.startEpochSecond(), config.stepSeconds(), config.steps(),
                    launchOf(profile, config), config.seed()));
        }
        return out;
    }

    /** Epoch second of the product launch when this is the launch service and the sample is long enough. */
    static Optional<Long> launchOf(ServiceProfile profile, SampleConfig config) {
        if (!profile.name().equals(FleetProfiles.LAUNCH_SERVICE) || config.days() < 2) {
            return Optional.empty();
        }
        LocalDate day = config.startDate().plusDays((long) (config.days() * LAUNCH_AT_SHARE_OF_SAMPLE));
        return Optional.of(day.atTime(LAUNCH_LOCAL_TIME).atZone(profile.zone()).toEpochSecond());
    }
}
