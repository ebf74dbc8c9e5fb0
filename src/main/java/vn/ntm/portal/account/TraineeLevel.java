package vn.ntm.portal.account;

/** A trainee's level, a main dimension of the published reports; residents are reported apart from officials. */
public enum TraineeLevel {
    PROVINCE_OFFICIAL,
    DISTRICT_OFFICIAL,
    COMMUNE_OFFICIAL,
    VILLAGE_OFFICIAL,
    RESIDENT
}
