package org.stackratings.rating;

/** An action the stability rules decided on: what, to which notch, from which, and why. */
public record PlannedAction(ActionType type, Notch notch, Notch previous, Watch watch, String reason) {
}
