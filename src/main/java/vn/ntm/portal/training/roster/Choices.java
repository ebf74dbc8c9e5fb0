package vn.ntm.portal.training.roster;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.account.TraineeLevel;
import vn.ntm.portal.common.Texts;
import vn.ntm.portal.person.Gender;
import vn.ntm.portal.training.DeliveryMode;
import vn.ntm.portal.training.OrganisingLevel;

import java.util.Map;
import java.util.Optional;

/**
 * The values offices write in the enumerated columns of a sheet (level, gender, delivery mode, organising level),
 * compared as {@link Texts#words} (case, diacritics, Unicode form and punctuation ignored). A blank cell is
 * {@code Optional.empty()}; a value outside the lists is null, which the import reports instead of guessing.
 */
public final class Choices {

    private static final Map<String, TraineeLevel> LEVELS = Map.ofEntries(
            Map.entry("tinh", TraineeLevel.PROVINCE_OFFICIAL), Map.entry("tinh thanh pho", TraineeLevel.PROVINCE_OFFICIAL),
            Map.entry("province", TraineeLevel.PROVINCE_OFFICIAL), Map.entry("province official", TraineeLevel.PROVINCE_OFFICIAL),
            Map.entry("huyen", TraineeLevel.DISTRICT_OFFICIAL), Map.entry("district", TraineeLevel.DISTRICT_OFFICIAL),
            Map.entry("district official", TraineeLevel.DISTRICT_OFFICIAL), Map.entry("huyen quan thi xa", TraineeLevel.DISTRICT_OFFICIAL),
            Map.entry("xa", TraineeLevel.COMMUNE_OFFICIAL), Map.entry("phuong", TraineeLevel.COMMUNE_OFFICIAL),
            Map.entry("xa phuong", TraineeLevel.COMMUNE_OFFICIAL), Map.entry("xa phuong thi tran", TraineeLevel.COMMUNE_OFFICIAL),
            Map.entry("xa phuong dac khu", TraineeLevel.COMMUNE_OFFICIAL), Map.entry("thi tran", TraineeLevel.COMMUNE_OFFICIAL),
            Map.entry("commune", TraineeLevel.COMMUNE_OFFICIAL), Map.entry("commune official", TraineeLevel.COMMUNE_OFFICIAL),
            Map.entry("thon", TraineeLevel.VILLAGE_OFFICIAL), Map.entry("ban", TraineeLevel.VILLAGE_OFFICIAL),
            Map.entry("thon ban", TraineeLevel.VILLAGE_OFFICIAL), Map.entry("thon xom", TraineeLevel.VILLAGE_OFFICIAL),
            Map.entry("thon ban to dan pho", TraineeLevel.VILLAGE_OFFICIAL), Map.entry("thon to dan pho", TraineeLevel.VILLAGE_OFFICIAL),
            Map.entry("to dan pho", TraineeLevel.VILLAGE_OFFICIAL), Map.entry("ap", TraineeLevel.VILLAGE_OFFICIAL),
            Map.entry("village", TraineeLevel.VILLAGE_OFFICIAL), Map.entry("village official", TraineeLevel.VILLAGE_OFFICIAL),
            Map.entry("nguoi dan", TraineeLevel.RESIDENT), Map.entry("dan", TraineeLevel.RESIDENT), Map.entry("cu dan", TraineeLevel.RESIDENT),
            Map.entry("nong dan", TraineeLevel.RESIDENT), Map.entry("nhan dan", TraineeLevel.RESIDENT),
            Map.entry("resident", TraineeLevel.RESIDENT), Map.entry("residents", TraineeLevel.RESIDENT));

    private Choices() {
    }

    /**
     * The level column: "Cán bộ cấp xã", "cấp xã", "xã", "Cán bộ thôn, bản", "Người dân", the English names or the
     * code (COMMUNE_OFFICIAL). The whole cell names the level, so "dân" alone is a resident here.
     */
    public static @Nullable Optional<TraineeLevel> level(String text) {
        String w = Texts.words(text);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        for (TraineeLevel l : TraineeLevel.values()) {
            if (w.equals(Texts.words(l.name()))) {
                return Optional.of(l);
            }
        }
        w = w.replaceFirst("^(can bo|cong chuc|vien chuc|officials?|doi tuong)\\s+", "").replaceFirst("^cap\\s+", "");
        TraineeLevel level = LEVELS.get(w);
        return level == null ? null : Optional.of(level);
    }

    public static @Nullable Optional<Gender> gender(String text) {
        return switch (Texts.words(text)) {
            case "" -> Optional.empty();
            case "nam", "male", "m" -> Optional.of(Gender.MALE);
            case "nu", "female", "f" -> Optional.of(Gender.FEMALE);
            case "khac", "other" -> Optional.of(Gender.OTHER);
            default -> null;
        };
    }

    /** Delivery modes by name: trực tiếp, trực tuyến (online), kết hợp (blended); each also in English or as the code. */
    public static @Nullable Optional<DeliveryMode> mode(String text) {
        return switch (Texts.words(text)) {
            case "" -> Optional.empty();
            case "truc tiep", "tap trung", "in person", "offline", "in_person" -> Optional.of(DeliveryMode.IN_PERSON);
            case "truc tuyen", "online", "truc tuyen online", "tu xa" -> Optional.of(DeliveryMode.ONLINE);
            case "ket hop", "blended", "hybrid", "truc tiep va truc tuyen", "truc tiep ket hop truc tuyen", "truc tiep truc tuyen",
                 "ket hop truc tiep va truc tuyen", "ket hop truc tiep truc tuyen" -> Optional.of(DeliveryMode.BLENDED);
            default -> null;
        };
    }

    /** Organising levels: trung ương, tỉnh, huyện, xã (with or without "cấp"), in English or as the code. */
    public static @Nullable Optional<OrganisingLevel> organiser(String text) {
        String w = Texts.words(text).replaceFirst("^cap\\s+", "");
        return switch (w) {
            case "" -> Optional.empty();
            case "trung uong", "bo", "central", "national" -> Optional.of(OrganisingLevel.CENTRAL);
            case "tinh", "tinh thanh pho", "province" -> Optional.of(OrganisingLevel.PROVINCE);
            case "huyen", "district" -> Optional.of(OrganisingLevel.DISTRICT);
            case "xa", "xa phuong", "phuong", "commune" -> Optional.of(OrganisingLevel.COMMUNE);
            default -> null;
        };
    }
}
