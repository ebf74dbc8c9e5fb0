package vn.ntm.portal.unit;

/** Published after an import of administrative units has been committed. */
public record UnitsImported(String fileName, int created, int updated, int unchanged) {
}
