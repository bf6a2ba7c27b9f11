import { defineRule } from './rule.js';

export default defineRule(
  {
    id: 'chair-not-scrutineer',
    editions: ['wt23', 'wt26'],
    severity: 'warning',
    citation: 'Working Together 2023, chapter 2 (inferred from the split of the partnership chair and independent scrutineer roles; Birmingham, Leeds)',
    confirmed: true,
    description: 'The partnership chair and the independent scrutineer are different posts held by different people.',
    rationale:
      'Working Together 2023 separates chairing the partnership from scrutinising it: a scrutineer cannot be a critical friend ' +
      'of meetings they chair. The model compares the two posts and the names written after `held by`; it cannot tell one ' +
      'person written under two spellings, nor two people with the same name.',
  },
  ({ model }) => {
    const p = model.partnership;
    const chair = p.partnershipChair;
    const scrutineer = p.independentScrutineer;
    if (chair === undefined || scrutineer === undefined) return [];
    const span = p.spans['independent scrutineer'] ?? p.span;
    const hint = 'Name different posts, held by different people, in `partnership chair:` and `independent scrutineer:`.';
    if (chair === scrutineer) {
      const post = model.posts.find((x) => x.id === chair);
      return [{ span, message: `The partnership chair and the independent scrutineer are the same post, the ${post?.title ?? chair}.`, hint }];
    }
    const chairPost = model.posts.find((x) => x.id === chair);
    const scrutineerPost = model.posts.find((x) => x.id === scrutineer);
    const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
    if (chairPost && scrutineerPost && same(chairPost.holder, scrutineerPost.holder)) {
      return [
        {
          span,
          message: `The partnership chair (the ${chairPost.title}) and the independent scrutineer (the ${scrutineerPost.title}) are the same person, ${scrutineerPost.holder}.`,
          hint,
        },
      ];
    }
    return [];
  },
);
