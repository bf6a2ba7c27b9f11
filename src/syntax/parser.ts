import { CstParser, type CstNode, type IRecognitionException, type IToken } from 'chevrotain';
import * as T from './tokens.js';

/**
 * The grammar of one structured line, per block context. The layout pass has already
 * cut the file into lines and blocks, so each line is parsed on its own: a mistake on
 * one line can never swallow the next.
 */
export class LineParser extends CstParser {
  /**
   * `validate` runs chevrotain's checks of the grammar itself (ambiguities, left recursion).
   * The grammar tests run them; the compiler skips them, which saves a third of start-up.
   */
  constructor(validate = false) {
    // No error recovery: the builder reports a line's first error and drops its tree, and
    // recovering from each of 100,000 stray commas took time quadratic in the line.
    super(T.allTokens, { recoveryEnabled: false, maxLookahead: 3, nodeLocationTracking: 'none', skipValidations: !validate });
    this.performSelfAnalysis();
  }

  // ---- shared pieces -------------------------------------------------------------

  /** Free text to the end of the line. */
  public text = this.RULE('text', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(T.TextToken));
  });

  /** A reference to a declared thing, by id. */
  public name = this.RULE('name', () => {
    this.CONSUME(T.Word);
  });

  /** The id in a declaration's header, where a one-word keyword may serve as a name. */
  public declaredName = this.RULE('declaredName', () => {
    this.CONSUME(T.DeclarableWord);
  });

  public nameList = this.RULE('nameList', () => {
    this.SUBRULE(this.name);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Comma);
            this.OPTION(() => this.CONSUME(T.KwAnd));
          },
        },
        { ALT: () => this.CONSUME2(T.KwAnd) },
      ]);
      this.SUBRULE2(this.name);
    });
  });

  public number = this.RULE('number', () => {
    this.OR([{ ALT: () => this.CONSUME(T.NumberLiteral) }, { ALT: () => this.CONSUME(T.NumberWord) }]);
  });

  public date = this.RULE('date', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.IsoDate) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.NumberLiteral, { LABEL: 'day' }));
          this.CONSUME(T.Month);
          this.CONSUME2(T.NumberLiteral, { LABEL: 'year' });
        },
      },
      { ALT: () => this.CONSUME3(T.NumberLiteral, { LABEL: 'year' }) },
    ]);
  });

  /** `the lead safeguarding partners` and the other sets of people the guidance names. */
  public roleSet = this.RULE('roleSet', () => {
    this.CONSUME(T.KwThe);
    this.OR([
      { ALT: () => this.CONSUME(T.KwLeadPartners) },
      { ALT: () => this.CONSUME(T.KwDelegatedPartners) },
      { ALT: () => this.CONSUME(T.KwSafeguardingPartners) },
    ]);
  });

  /** One person or set of people: a role, a role set, or an id. */
  public role = this.RULE('role', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.KwThe);
          this.OR2([
            { ALT: () => this.CONSUME(T.KwPartnershipChair) },
            { ALT: () => this.CONSUME(T.KwIndependentScrutineer) },
            { ALT: () => this.CONSUME(T.KwChair) },
            { ALT: () => this.CONSUME(T.KwLeadPartners) },
            { ALT: () => this.CONSUME(T.KwDelegatedPartners) },
            { ALT: () => this.CONSUME(T.KwSafeguardingPartners) },
            { ALT: () => this.CONSUME(T.KwMembers) },
          ]);
        },
      },
      { ALT: () => this.SUBRULE(this.name) },
    ]);
  });

  // ---- top level -------------------------------------------------------------------

  public topLine = this.RULE('topLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.declarationHeader) },
      {
        ALT: () => {
          this.CONSUME(T.KwInclude);
          this.SUBRULE(this.text);
        },
      },
    ]);
  });

  public declarationHeader = this.RULE('declarationHeader', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.KwPartnership) },
      { ALT: () => this.CONSUME(T.KwOrganisation) },
      { ALT: () => this.CONSUME(T.KwGroup) },
      { ALT: () => this.CONSUME(T.KwSection) },
      { ALT: () => this.CONSUME(T.KwPost) },
      { ALT: () => this.CONSUME(T.KwCollaboration) },
    ]);
    this.SUBRULE(this.declaredName);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.text);
  });

  /** `short name: …`, `kind: …`: a key and free text. */
  public field = this.RULE('field', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.KwShortName) },
      { ALT: () => this.CONSUME(T.KwDocumentTitle) },
      { ALT: () => this.CONSUME(T.KwArea) },
      { ALT: () => this.CONSUME(T.KwKind) },
      { ALT: () => this.CONSUME(T.KwJointWith) },
      { ALT: () => this.CONSUME(T.KwIfInquorate) },
    ]);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.text);
  });

  /** A header that opens a prose block: `purpose:`. */
  public proseHeader = this.RULE('proseHeader', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.KwPurpose) },
      { ALT: () => this.CONSUME(T.KwObjectives) },
      { ALT: () => this.CONSUME(T.KwKeyObjectives) },
      { ALT: () => this.CONSUME(T.KwResponsibilities) },
      { ALT: () => this.CONSUME(T.KwAccountability) },
      { ALT: () => this.CONSUME(T.KwMembership) },
      { ALT: () => this.CONSUME(T.KwSummary) },
      { ALT: () => this.CONSUME(T.KwRelevantAgencies) },
      { ALT: () => this.CONSUME(T.KwFunctionalLinks) },
    ]);
    this.CONSUME(T.Colon);
  });

  // ---- partnership -------------------------------------------------------------------

  public partnershipLine = this.RULE('partnershipLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.field) },
      { ALT: () => this.SUBRULE(this.proseHeader) },
      { ALT: () => this.SUBRULE(this.edition) },
      { ALT: () => this.SUBRULE(this.published) },
      { ALT: () => this.SUBRULE(this.reviewed) },
      { ALT: () => this.SUBRULE(this.roleAssignment) },
    ]);
  });

  public edition = this.RULE('edition', () => {
    this.CONSUME(T.KwFollows);
    this.CONSUME(T.KwWorkingTogether);
    this.CONSUME(T.NumberLiteral);
  });

  public published = this.RULE('published', () => {
    this.CONSUME(T.KwPublished);
    this.SUBRULE(this.date);
  });

  public roleAssignment = this.RULE('roleAssignment', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.KwSafeguardingPartners) },
      { ALT: () => this.CONSUME(T.KwLeadPartners) },
      { ALT: () => this.CONSUME(T.KwDelegatedPartners) },
      { ALT: () => this.CONSUME(T.KwPartnershipChair) },
      { ALT: () => this.CONSUME(T.KwIndependentScrutineer) },
    ]);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.nameList);
  });

  public reviewed = this.RULE('reviewed', () => {
    this.CONSUME(T.KwReviewed);
    this.OR([
      { ALT: () => this.CONSUME(T.KwAnnually) },
      { ALT: () => this.SUBRULE(this.reviewInterval) },
      {
        ALT: () => {
          this.CONSUME(T.KwIn);
          this.SUBRULE(this.date);
          this.MANY(() => {
            this.OPTION(() => this.CONSUME(T.Comma));
            this.CONSUME(T.KwThen);
            this.CONSUME2(T.KwIn);
            this.SUBRULE2(this.date);
          });
          this.OPTION2(() => {
            this.CONSUME(T.KwAnd);
            this.SUBRULE2(this.reviewInterval);
          });
        },
      },
    ]);
  });

  public reviewInterval = this.RULE('reviewInterval', () => {
    this.CONSUME(T.KwEvery);
    this.OPTION(() => this.SUBRULE(this.number));
    this.OR([
      { ALT: () => this.CONSUME(T.KwYear) },
      { ALT: () => this.CONSUME(T.KwYears) },
      { ALT: () => this.CONSUME(T.KwMonth) },
      { ALT: () => this.CONSUME(T.KwMonths) },
    ]);
  });

  // ---- organisations and posts -----------------------------------------------------------

  public organisationLine = this.RULE('organisationLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.field) },
      { ALT: () => this.SUBRULE(this.memberDeclaration) },
    ]);
  });

  /** `unit id: Name` or `post id: Title` inside an organisation. */
  public memberDeclaration = this.RULE('memberDeclaration', () => {
    this.OR([{ ALT: () => this.CONSUME(T.KwUnit) }, { ALT: () => this.CONSUME(T.KwPost) }]);
    this.SUBRULE(this.declaredName);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.text);
  });

  public postLine = this.RULE('postLine', () => {
    this.CONSUME(T.KwHeldBy);
    this.SUBRULE(this.text);
  });

  public collaborationLine = this.RULE('collaborationLine', () => {
    this.SUBRULE(this.field);
  });

  // ---- groups ------------------------------------------------------------------------

  public groupLine = this.RULE('groupLine', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.field) },
      { ALT: () => this.SUBRULE(this.proseHeader) },
      { ALT: () => this.SUBRULE(this.supportHeader) },
      { ALT: () => this.SUBRULE(this.listHeader) },
      { ALT: () => this.SUBRULE(this.partOf) },
      { ALT: () => this.SUBRULE(this.accountableTo) },
      { ALT: () => this.SUBRULE(this.chairedBy) },
      { ALT: () => this.SUBRULE(this.chairRotation) },
      { ALT: () => this.SUBRULE(this.viceChairedBy) },
      { ALT: () => this.SUBRULE(this.meets) },
      { ALT: () => this.SUBRULE(this.meetingsStart) },
      { ALT: () => this.SUBRULE(this.quorum) },
      { ALT: () => this.SUBRULE(this.decides) },
      { ALT: () => this.SUBRULE(this.reviewed) },
      { ALT: () => this.SUBRULE(this.sectionHeader) },
    ]);
  });

  public supportHeader = this.RULE('supportHeader', () => {
    this.CONSUME(T.KwSupportFrom);
    this.SUBRULE(this.text);
  });

  public listHeader = this.RULE('listHeader', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.KwMembers) },
      { ALT: () => this.CONSUME(T.KwExecutiveMembers) },
      { ALT: () => this.CONSUME(T.KwNonExecutiveMembers) },
      { ALT: () => this.CONSUME(T.KwObservers) },
      { ALT: () => this.CONSUME(T.KwDeputies) },
    ]);
    this.CONSUME(T.Colon);
  });

  public sectionHeader = this.RULE('sectionHeader', () => {
    this.CONSUME(T.KwSection);
    this.SUBRULE(this.declaredName);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.text);
  });

  public partOf = this.RULE('partOf', () => {
    this.CONSUME(T.KwPartOf);
    this.SUBRULE(this.name);
  });

  public accountableTo = this.RULE('accountableTo', () => {
    this.CONSUME(T.KwAccountableTo);
    this.OR([{ ALT: () => this.SUBRULE(this.roleSet) }, { ALT: () => this.SUBRULE(this.name) }]);
  });

  public chairedBy = this.RULE('chairedBy', () => {
    this.CONSUME(T.KwChairedBy);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.KwMemberNominatedBy);
          this.SUBRULE(this.name);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.KwIndependentChairAppointedBy);
          this.SUBRULE(this.roleSet);
        },
      },
      { ALT: () => this.SUBRULE(this.role) },
    ]);
  });

  public chairRotation = this.RULE('chairRotation', () => {
    this.CONSUME(T.KwChairedInRotation);
    this.SUBRULE(this.nameList);
  });

  public viceChairedBy = this.RULE('viceChairedBy', () => {
    this.CONSUME(T.KwViceChairedBy);
    this.SUBRULE(this.role);
  });

  public meetingsStart = this.RULE('meetingsStart', () => {
    this.OR([{ ALT: () => this.CONSUME(T.KwMeetingsStart) }, { ALT: () => this.CONSUME(T.KwMeetingsArranged) }]);
    this.SUBRULE(this.date);
  });

  // ---- members and deputies ---------------------------------------------------------------

  public memberItem = this.RULE('memberItem', () => {
    this.CONSUME(T.Dash);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.KwThe);
          this.OR2([
            { ALT: () => this.CONSUME(T.KwPartnershipChair) },
            { ALT: () => this.CONSUME(T.KwIndependentScrutineer) },
            { ALT: () => this.CONSUME(T.KwLeadPartners) },
            { ALT: () => this.CONSUME(T.KwDelegatedPartners) },
            { ALT: () => this.CONSUME(T.KwSafeguardingPartners) },
            {
              ALT: () => {
                this.CONSUME(T.KwChairsOf);
                this.SUBRULE(this.nameList);
              },
            },
            {
              ALT: () => {
                this.CONSUME(T.KwChairOf);
                this.SUBRULE(this.name);
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.KwRepresentativeOf);
          this.SUBRULE2(this.name);
        },
      },
      { ALT: () => this.SUBRULE3(this.name) },
    ]);
  });

  public deputyItem = this.RULE('deputyItem', () => {
    this.CONSUME(T.Dash);
    this.OR([
      { ALT: () => this.CONSUME(T.KwSameAuthority) },
      { ALT: () => this.CONSUME(T.KwOneGradeLower) },
      { ALT: () => this.CONSUME(T.KwByException) },
      { ALT: () => this.CONSUME(T.KwDoNotCount) },
      {
        ALT: () => {
          this.CONSUME(T.KwCountTowardsQuorum);
          this.OPTION(() => this.CONSUME(T.KwOnlyWithFullAuthority));
        },
      },
    ]);
  });

  // ---- cadence -------------------------------------------------------------------------

  public meets = this.RULE('meets', () => {
    this.CONSUME(T.KwMeets);
    this.SUBRULE(this.frequency);
    this.OPTION(() => {
      this.CONSUME(T.KwInTheFirstYear);
      this.OPTION2(() => this.CONSUME(T.Comma));
      this.CONSUME(T.KwThen);
      this.SUBRULE2(this.frequency);
    });
  });

  public frequency = this.RULE('frequency', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.KwWeekly) },
      { ALT: () => this.CONSUME(T.KwMonthly) },
      { ALT: () => this.CONSUME(T.KwQuarterly) },
      { ALT: () => this.CONSUME(T.KwAnnually) },
      { ALT: () => this.CONSUME(T.KwTwiceAYear) },
      {
        ALT: () => {
          this.CONSUME(T.KwEvery);
          this.OPTION(() => this.SUBRULE(this.number));
          this.OR2([
            { ALT: () => this.CONSUME(T.KwWeek) },
            { ALT: () => this.CONSUME(T.KwWeeks) },
            { ALT: () => this.CONSUME(T.KwMonth) },
            { ALT: () => this.CONSUME(T.KwMonths) },
            { ALT: () => this.CONSUME(T.KwYear) },
            { ALT: () => this.CONSUME(T.KwYears) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.KwAsRequired);
          this.OPTION2(() => {
            this.CONSUME(T.KwButAtLeast);
            this.SUBRULE(this.frequency, { LABEL: 'atLeast' });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.KwAtLeast);
          this.SUBRULE2(this.frequency, { LABEL: 'atLeast' });
        },
      },
    ]);
  });

  // ---- quorum --------------------------------------------------------------------------

  public quorum = this.RULE('quorum', () => {
    this.CONSUME(T.KwQuorateWhen);
    this.SUBRULE(this.orExpression);
  });

  public orExpression = this.RULE('orExpression', () => {
    this.SUBRULE(this.andExpression);
    this.MANY(() => {
      this.CONSUME(T.KwOr);
      this.SUBRULE2(this.andExpression);
    });
  });

  public andExpression = this.RULE('andExpression', () => {
    this.SUBRULE(this.quorumTerm);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Comma);
            this.OPTION(() => this.OR2([{ ALT: () => this.CONSUME(T.KwIncluding) }, { ALT: () => this.CONSUME(T.KwAnd) }]));
          },
        },
        { ALT: () => this.CONSUME2(T.KwIncluding) },
        { ALT: () => this.CONSUME2(T.KwAnd) },
      ]);
      this.SUBRULE2(this.quorumTerm);
    });
  });

  public quorumTerm = this.RULE('quorumTerm', () => {
    this.SUBRULE(this.quorumPrimary);
    // ", are present" after a rounding; a comma before anything else separates terms.
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== T.Comma || this.LA(2).tokenType === T.KwPresent,
      DEF: () => {
        this.OPTION2(() => this.CONSUME(T.Comma));
        this.CONSUME(T.KwPresent);
      },
    });
  });

  public quorumPrimary = this.RULE('quorumPrimary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.orExpression);
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.KwOneMemberFromEachOf);
          this.SUBRULE(this.eachList);
        },
      },
      { ALT: () => this.SUBRULE(this.fractionTerm) },
      { ALT: () => this.SUBRULE(this.countTerm) },
      {
        ALT: () => {
          this.CONSUME(T.KwAll);
          this.OPTION(() => this.SUBRULE(this.number));
          this.OR3([{ ALT: () => this.CONSUME(T.KwMembers) }, { ALT: () => this.CONSUME(T.KwOfTheMembers) }]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.KwRepresentativesOf);
          this.SUBRULE2(this.number);
          this.OR4([{ ALT: () => this.CONSUME(T.KwSeparateOrganisations) }, { ALT: () => this.CONSUME(T.KwSectors) }]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.KwRepresentativeOf);
          this.SUBRULE(this.name);
        },
      },
      { ALT: () => this.SUBRULE(this.role) },
    ]);
  });

  public eachList = this.RULE('eachList', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.roleSet) },
      {
        ALT: () => {
          this.SUBRULE(this.name);
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE2(this.name);
          });
          // "and <name>" ends the list only when a name follows; "and 3 members" is the next term.
          this.OPTION({
            GATE: () => (this.LA(1).tokenType === T.Comma ? this.LA(2).tokenType === T.KwAnd && this.LA(3).tokenType === T.Word : this.LA(2).tokenType === T.Word),
            DEF: () => {
              this.OPTION2(() => this.CONSUME2(T.Comma));
              this.CONSUME(T.KwAnd);
              this.SUBRULE3(this.name);
            },
          });
        },
      },
    ]);
  });

  public fractionTerm = this.RULE('fractionTerm', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.KwHalf) },
      { ALT: () => this.CONSUME(T.KwAMajority) },
      { ALT: () => this.CONSUME(T.KwAThird) },
      { ALT: () => this.CONSUME(T.KwTwoThirds) },
      { ALT: () => this.CONSUME(T.KwThreeQuarters) },
    ]);
    this.CONSUME(T.KwOfTheMembers);
    // A comma is the rounding's only when a rounding follows it; otherwise it separates terms.
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== T.Comma || this.LA(2).tokenType === T.KwRoundedUp || this.LA(2).tokenType === T.KwRoundedDown,
      DEF: () => {
        this.OPTION2(() => this.CONSUME(T.Comma));
        this.OR2([{ ALT: () => this.CONSUME(T.KwRoundedUp) }, { ALT: () => this.CONSUME(T.KwRoundedDown) }]);
      },
    });
  });

  /** `8 members`, `at least 8 members`, `3 of the delegated safeguarding partners`. */
  public countTerm = this.RULE('countTerm', () => {
    this.OPTION(() => this.CONSUME(T.KwAtLeast));
    this.SUBRULE(this.number);
    this.OR([
      { ALT: () => this.CONSUME(T.KwMembers) },
      { ALT: () => this.CONSUME(T.KwOfTheMembers) },
      {
        ALT: () => {
          this.CONSUME(T.KwOf);
          this.SUBRULE(this.roleSet);
        },
      },
    ]);
  });

  // ---- decisions -------------------------------------------------------------------------

  public decides = this.RULE('decides', () => {
    this.CONSUME(T.KwDecides);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.KwByConsensus);
          this.OPTION(() => {
            this.OPTION2(() => this.CONSUME(T.Comma));
            this.CONSUME(T.KwOtherwise);
            this.SUBRULE(this.majorityVote);
          });
        },
      },
      { ALT: () => this.SUBRULE2(this.majorityVote) },
    ]);
  });

  public majorityVote = this.RULE('majorityVote', () => {
    this.CONSUME(T.KwByMajorityVoteOf);
    this.SUBRULE(this.role);
  });
}

export type LineRule =
  | 'topLine'
  | 'partnershipLine'
  | 'organisationLine'
  | 'postLine'
  | 'collaborationLine'
  | 'groupLine'
  | 'memberItem'
  | 'deputyItem'
  | 'sectionHeader';

export interface LineParse {
  cst: CstNode;
  errors: IRecognitionException[];
}

let shared: LineParser | undefined;

/** The parser is stateless between calls, so one instance serves every file. */
export function lineParser(): LineParser {
  shared ??= new LineParser();
  return shared;
}

export function parseLine(tokens: IToken[], rule: LineRule): LineParse {
  const parser = lineParser();
  parser.input = tokens;
  const cst = parser[rule]();
  return { cst, errors: parser.errors };
}
