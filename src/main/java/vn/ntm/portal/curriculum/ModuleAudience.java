package vn.ntm.portal.curriculum;

/** Who may see a published module: every signed-in person, or the trainees of given units and the units below them. */
public enum ModuleAudience {
    EVERYONE,
    UNITS
}
