package vn.ntm.portal.account;

import org.jspecify.annotations.Nullable;

/** What a trainee fills in to register: a name, a phone or an e-mail (or both), a commune and a level. */
public record Registration(String fullName, @Nullable String phone, @Nullable String email, @Nullable Long communeId,
                           @Nullable TraineeLevel level, String password) {
}
