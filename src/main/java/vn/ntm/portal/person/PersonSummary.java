package vn.ntm.portal.person;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;

public record PersonSummary(long id, String fullName, @Nullable Gender gender, @Nullable Integer birthYear,
                            @Nullable String phone, @Nullable String nationalId, @Nullable Long communeId,
                            @Nullable String position, @Nullable TraineeLevel level, @Nullable Long accountId) {
}
