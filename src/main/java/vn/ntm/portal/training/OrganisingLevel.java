package vn.ntm.portal.training;

public enum OrganisingLevel {
    CENTRAL, PROVINCE, DISTRICT, COMMUNE
}
