package vn.ntm.portal.training;

/** Trực tiếp / trực tuyến / kết hợp. */
public enum DeliveryMode {
    IN_PERSON, ONLINE, BLENDED
}
