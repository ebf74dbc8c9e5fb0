package vn.ntm.portal.account;

import org.jspecify.annotations.Nullable;
import vn.ntm.portal.common.ValidationException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * At least 8 characters with a letter and a digit: strong enough, short enough to type on a phone. Not one of the
 * passwords everyone guesses first ({@code account/common-passwords.txt}), and not made of the person's own login
 * name, phone, e-mail or name ("nguyenvanan1", "hoa0912345678").
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** {@code personal}: what the person is known by (login name, phone, e-mail, full name), any of them null. */
    static void check(String password, @Nullable String... personal) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > 128
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new ValidationException("account.error.passwordPolicy", MIN_LENGTH);
        }
        String plain = plain(password);
        if (COMMON.contains(plain) || COMMON.contains(password.toLowerCase(Locale.ROOT)) || isPersonal(plain, personal)) {
            throw new ValidationException("account.error.passwordCommon");
        }
    }

    private static boolean isPersonal(String plain, @Nullable String... personal) {
        String letters = plain.replaceAll("[0-9]", "");
        for (String known : Arrays.stream(personal).filter(Objects::nonNull).toList()) {
            String digits = known.replaceAll("\\D", "");
            // a phone: its nine significant digits anywhere in the password
            if (digits.length() >= 9 && plain.contains(digits.substring(digits.length() - 9))) {
                return true;
            }
            String local = plain(known.contains("@") ? known.substring(0, known.indexOf('@')) : known);
            if (local.length() >= 4 && !local.chars().allMatch(Character::isDigit) && plain.contains(local)) {
                return true;
            }
            // a name: the letters of the password made only of the name's words, in any order ("vanannguyen")
            List<String> words = Arrays.stream(Normalizer.normalize(known, Normalizer.Form.NFD).toLowerCase(Locale.ROOT)
                    .split("[^\\p{L}]+")).map(PasswordPolicy::plain).filter(w -> !w.isEmpty()).toList();
            if (!letters.isEmpty() && madeOf(letters, words)) {
                return true;
            }
        }
        return false;
    }

    private static boolean madeOf(String text, List<String> words) {
        boolean[] reachable = new boolean[text.length() + 1];
        reachable[0] = true;
        for (int i = 0; i < text.length(); i++) {
            if (!reachable[i]) {
                continue;
            }
            for (String w : words) {
                if (text.startsWith(w, i)) {
                    reachable[i + w.length()] = true;
                }
            }
        }
        return reachable[text.length()];
    }

    /** Lower case, without accents (đ as d) and without anything but letters and digits. */
    static String plain(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD);
        return NOT_ALPHANUMERIC.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("");
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/account/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("account/common-passwords.txt is missing");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
