import type { Rule } from './rule.js';
import healthPartnerIsIcb from './health-partner-is-icb.js';
import lspsNamedCorrectPost from './lsps-named-correct-post.js';
import dspNamedPerPartner from './dsp-named-per-partner.js';
import partnershipChairAppointed from './partnership-chair-appointed.js';
import partnershipChairIsDsp from './partnership-chair-is-dsp.js';
import chairNotScrutineer from './chair-not-scrutineer.js';
import independentScrutinyRequired from './independent-scrutiny-required.js';
import scrutineerIndependence from './scrutineer-independence.js';
import educationNotASafeguardingPartner from './education-not-a-safeguarding-partner.js';
import geographicalAreaDefined from './geographical-area-defined.js';
import relevantAgenciesListed from './relevant-agencies-listed.js';
import arrangementsPublished from './arrangements-published.js';
import publishedArrangementsContents from './published-arrangements-contents.js';
import youthCustodyResidentialIncluded from './youth-custody-residential-included.js';
import lookedAfterChildrenInScope from './looked-after-children-in-scope.js';
import disputeAndEscalation from './dispute-and-escalation.js';
import arrangementsKeptUnderReview from './arrangements-kept-under-review.js';
import educationIncluded from './education-included.js';
import macptEstablished from './macpt-established.js';
import quorumAchievable from './quorum-achievable.js';
import quorumIncludesAllPartners from './quorum-includes-all-partners.js';
import chairIsMember from './chair-is-member.js';
import jointEqualDuty from './joint-equal-duty.js';
import deadlineOrder from './deadline-order.js';
import gpMeetingFrequency from './gp-meeting-frequency.js';
import gpQuorumDefined from './gp-quorum-defined.js';
import gpSubstituteAuthority from './gp-substitute-authority.js';
import gpPapersAndMinutes from './gp-papers-and-minutes.js';
import gpTorReviewDate from './gp-tor-review-date.js';
import gpAccountabilityLine from './gp-accountability-line.js';
import gpChairAndVice from './gp-chair-and-vice.js';
import quorumMembersOnly from './quorum-members-only.js';
import threeSafeguardingPartners from './three-safeguarding-partners.js';

/** Every rule, in the order they are documented. Adding a rule: a file in this folder and a line here. */
export const catalogue: readonly Rule[] = [
  threeSafeguardingPartners,
  healthPartnerIsIcb,
  lspsNamedCorrectPost,
  dspNamedPerPartner,
  partnershipChairAppointed,
  partnershipChairIsDsp,
  chairNotScrutineer,
  independentScrutinyRequired,
  scrutineerIndependence,
  educationNotASafeguardingPartner,
  geographicalAreaDefined,
  relevantAgenciesListed,
  arrangementsPublished,
  publishedArrangementsContents,
  youthCustodyResidentialIncluded,
  lookedAfterChildrenInScope,
  disputeAndEscalation,
  arrangementsKeptUnderReview,
  educationIncluded,
  macptEstablished,
  quorumMembersOnly,
  quorumAchievable,
  quorumIncludesAllPartners,
  chairIsMember,
  jointEqualDuty,
  deadlineOrder,
  gpMeetingFrequency,
  gpQuorumDefined,
  gpSubstituteAuthority,
  gpPapersAndMinutes,
  gpTorReviewDate,
  gpAccountabilityLine,
  gpChairAndVice,
];

export function ruleById(id: string): Rule | undefined {
  return catalogue.find((r) => r.meta.id === id);
}
