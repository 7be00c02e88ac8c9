package dev.scalewise.sim.autoscaler;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dead band: both bounds inside (replica_calculator.go compares with {@code <=}), the next values outside. */
class TolerancesTest {
    @Test
    void bothBoundsAreInside() {
        Tolerances t = new Tolerances(0.05, 0.1);
        assertTrue(t.within(1.0 - 0.05));
        assertTrue(t.within(1.0 + 0.1));
        assertFalse(t.within(Math.nextDown(1.0 - 0.05)));
        assertFalse(t.within(Math.nextUp(1.0 + 0.1)));
    }

    @Test
    void aNanRatioIsNotWithin() {
        assertFalse(Tolerances.both(0.1).within(Double.NaN));
    }
}
