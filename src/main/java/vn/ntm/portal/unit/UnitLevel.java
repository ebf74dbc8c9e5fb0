package vn.ntm.portal.unit;

/** Tier of an administrative unit. Districts were abolished on 1 July 2025 but old records still name them. */
public enum UnitLevel {
    PROVINCE, DISTRICT, COMMUNE
}
