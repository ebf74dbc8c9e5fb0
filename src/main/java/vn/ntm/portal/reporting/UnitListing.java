package vn.ntm.portal.reporting;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A page of the administrative units as the reports know them, for scripts that ask for a unit by its official code:
 * each unit's code, name, level, parent's code, the codes of its successors after the 2025 merger, and its validity.
 */
public record UnitListing(int page, int size, long total, List<Unit> units) {

    public record Unit(String code, String name, String level, @Nullable String parentCode, List<String> successorCodes,
                       @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
    }
}
