package io.linktrack.access.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiAuthenticationTest {

  /** Which decoded paths skip authentication: short links only, never the API in any spelling. */
  @ParameterizedTest
  @CsvSource({
    "/Ab3dE7xZ, true",
    "/Ab3dE7xZ/, true",
    "/, true",
    "'', true",
    "/api, false",
    "/API, false",
    "/Api;x=1, false",
    "/api/, false",
    "/api/messages, false",
    "/api/admin/api-keys/1, false",
    "//api/messages, false",
    "/api;jsessionid=1/messages, false",
    "/Ab3dE7xZ/extra, false",
    "/apixyz, true"
  })
  void onlySingleSegmentPathsOtherThanApiArePublic(String path, boolean expected) {
    assertEquals(expected, ApiAuthentication.isPublicPath(path), path);
  }
}
