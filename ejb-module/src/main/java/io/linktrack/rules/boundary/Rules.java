package io.linktrack.rules.boundary;

import io.linktrack.campaigns.entity.Campaign;
import io.linktrack.platform.InvalidInput;
import io.linktrack.platform.NotFound;
import io.linktrack.rules.entity.Rule;
import io.linktrack.rules.entity.RuleDraft;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Creating, reading, changing and deleting workflow rules. A deleted rule fires no more; its alerts
 * stay, as the record of what happened, and their pending actions are still carried out.
 */
@Stateless
public class Rules {

  @PersistenceContext(unitName = "linktrack")
  EntityManager em;

  public RuleView create(RuleDraft draft) {
    requireCampaign(draft.campaignId());
    Rule rule = new Rule(draft, Instant.now());
    em.persist(rule);
    em.flush();
    return RuleView.of(rule);
  }

  public List<RuleView> list() {
    return em.createQuery("SELECT r FROM Rule r ORDER BY r.id", Rule.class).getResultList().stream()
        .map(RuleView::of)
        .toList();
  }

  public RuleView find(long id) {
    return RuleView.of(rule(id));
  }

  public RuleView update(long id, RuleDraft draft) {
    Rule rule = rule(id);
    requireCampaign(draft.campaignId());
    rule.update(draft, Instant.now());
    em.flush();
    return RuleView.of(rule);
  }

  public void delete(long id) {
    em.remove(rule(id));
    em.createNativeQuery("DELETE FROM LT_RULE_TALLY WHERE RULE_ID = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  private Rule rule(long id) {
    Rule rule = em.find(Rule.class, id);
    if (rule == null) {
      throw new NotFound("rule", id);
    }
    return rule;
  }

  private void requireCampaign(Long campaignId) {
    if (campaignId != null && em.find(Campaign.class, campaignId) == null) {
      throw new InvalidInput("campaignId", "campaignId " + campaignId + " names no campaign");
    }
  }
}
