package io.linktrack.access.entity;

import io.linktrack.platform.InvalidInput;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a caller may do. An admin may do everything, a sender sends messages and reads, a viewer
 * only reads. Each role is granted to one group of the user registry (security.xml maps them); an
 * API key carries its role as that group, so keys and people go through the same mapping.
 */
public enum Role {
  ADMIN,
  SENDER,
  VIEWER;

  /** Role names for {@code @RolesAllowed}, which takes constants only. */
  public static final String ADMIN_NAME = "admin";

  public static final String SENDER_NAME = "sender";
  public static final String VIEWER_NAME = "viewer";

  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The user-registry group that has this role (application-bnd in security.xml). */
  public String registryGroup() {
    return "linktrack-" + roleName() + "s";
  }

  /**
   * The group an API key or the bootstrap administrator carries, in the realm {@link #REALM}. Named
   * apart from the registry groups, so that no registry maps it to an entry of its own.
   */
  public String credentialGroup() {
    return "linktrack-role-" + roleName();
  }

  /** The realm of the callers Linktrack vouches for itself (API keys, bootstrap administrator). */
  public static final String REALM = "linktrack-credentials";

  public static Role parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput(field, field + " is required: admin, sender or viewer");
    }
    return Arrays.stream(values())
        .filter(role -> role.roleName().equals(text.strip().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new InvalidInput(field, field + " is one of admin, sender, viewer"));
  }
}
