package io.linktrack.rules.boundary;

import io.linktrack.platform.Page;
import io.linktrack.rules.entity.Alert;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.Map;

/** Every firing of every rule, newest first, with the state of each action. */
@Stateless
public class Alerts {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  public Page<AlertView> search(AlertQuery query) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (query.ruleId() != null) {
      where.append(" AND a.ruleId = :ruleId");
      parameters.put("ruleId", query.ruleId());
    }
    if (query.from() != null) {
      where.append(" AND a.firedAt >= :from");
      parameters.put("from", query.from());
    }
    if (query.to() != null) {
      where.append(" AND a.firedAt < :to");
      parameters.put("to", query.to());
    }
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM Alert a" + where, Long.class);
    TypedQuery<Alert> page =
        em.createQuery(
                "SELECT a FROM Alert a" + where + " ORDER BY a.firedAt DESC, a.id DESC",
                Alert.class)
            .setFirstResult(query.page() * query.size())
            .setMaxResults(query.size())
            // one query for the actions of the whole page instead of one per alert
            .setHint("eclipselink.batch", "a.actions")
            .setHint("eclipselink.batch.type", "IN");
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          page.setParameter(name, value);
        });
    return new Page<>(
        page.getResultList().stream().map(AlertView::of).toList(),
        query.page(),
        query.size(),
        count.getSingleResult());
  }
}
