package vn.ntm.portal.unit;

/** Told how far a long import has got, so that the screen can show a progress bar. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (done, total) -> { };

    void update(int done, int total);
}
