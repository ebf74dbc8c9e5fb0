package vn.ntm.portal.unit;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/** An administrative unit as other modules see it. */
public record UnitSummary(long id, String code, String name, UnitKind kind, UnitLevel level,
                          @Nullable Long parentId, String path, @Nullable LocalDate validTo) {

    public boolean isCurrent() {
        return validTo == null || !validTo.isBefore(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }
}
