package vn.ntm.portal.training;

/** Where the level of an imported row comes from: the level column, the position (by the documented list), or nowhere. */
public enum LevelSource {
    COLUMN, POSITION, NONE
}
