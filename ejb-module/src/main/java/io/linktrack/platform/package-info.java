/** What every feature shares: the two domain exceptions the API maps to problem responses. */
package io.linktrack.platform;
