package vn.ntm.portal.person;

public enum Gender {
    MALE, FEMALE, OTHER
}
