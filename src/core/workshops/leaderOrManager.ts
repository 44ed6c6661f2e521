import type { WorkshopContent } from '../../shared/model';

/** The library id of the built-in workshop. */
export const LEADER_OR_MANAGER_ID = 'leader-or-manager';

/**
 * The built-in "Leader or Manager?" workshop, so a facilitator can run a complete
 * session (about 85 minutes) straight after installing, without writing any content.
 */
export const leaderOrManagerWorkshop: WorkshopContent = {
  title: 'Leader or Manager?',
  description:
    'Twelve contrasts between leading and managing, explored through fifteen everyday workplace scenarios the room votes on. ' +
    'For team leads, new managers and anyone who guides others. About 85 minutes.',
  dimensions: [
    { id: 'power', name: 'Power', leader: 'Hands power to the team', manager: 'Holds on to the power' },
    { id: 'guidance', name: 'Guidance', leader: 'Coaches and mentors people', manager: 'Assigns the work and gives orders' },
    { id: 'language', name: 'Language', leader: 'Talks about “we”', manager: 'Talks about “I”' },
    {
      id: 'horizon',
      name: 'Horizon',
      leader: 'Looks ahead to growth and the future',
      manager: 'Works to near-term targets and ticks off the list',
    },
    {
      id: 'outcome',
      name: 'Outcome',
      leader: 'Cares most about the results achieved',
      manager: 'Cares most about the process and how efficiently it runs',
    },
    {
      id: 'accountability',
      name: 'Accountability',
      leader: 'Owns it when the team falls short',
      manager: 'Looks for who is at fault when things go wrong',
    },
    {
      id: 'credit',
      name: 'Credit',
      leader: 'Passes the praise on to the team',
      manager: 'Keeps the praise for the team’s successes',
    },
    { id: 'direction', name: 'Direction', leader: 'Sets a vision and a direction', manager: 'Sets a plan and an objective' },
    { id: 'method', name: 'Method', leader: 'Shows people how', manager: 'Tells people what' },
    { id: 'focus', name: 'Focus', leader: 'Puts people first', manager: 'Puts the work first' },
    { id: 'change', name: 'Change', leader: 'Challenges the way things are', manager: 'Keeps to what has proven itself' },
    { id: 'risk', name: 'Risk', leader: 'Is willing to take risks', manager: 'Prefers to steer clear of risk' },
  ],
  slides: [
    // ------------------------------------------------------------ Opening
    {
      id: 's-opening',
      kind: 'title',
      section: 'Opening',
      minutes: 3,
      title: 'Leader or Manager?',
      subtitle: 'Twelve contrasts, fifteen situations, and one room deciding together',
      notes:
        'Welcome people and introduce yourself in one or two sentences. Set expectations: this is not a test and there is no score per person; ' +
        'the aim is to notice habits and talk about them. Explain how the room will vote today (groups on this screen, a show of hands, or phones with the join code) ' +
        'and check that the join code or group colours are visible from the back row. Running order: warm-up, the idea, the twelve contrasts, ' +
        'fifteen scenarios in three blocks, then the room’s profile and a closing commitment.',
    },
    {
      id: 's-warmup',
      kind: 'discussion',
      section: 'Opening',
      minutes: 4,
      prompt:
        'Think of the best person you have ever worked for. What is one specific thing they did that made a difference to you? Share it with the person next to you.',
      seconds: 180,
      notes:
        'Ask for concrete actions rather than adjectives: “she always asked what I thought first” beats “she was nice”. ' +
        'After the timer, collect three or four examples from the room and jot the key words on a flipchart. ' +
        'Keep the list: most examples will land on the leader side of the contrasts later, and you can point back to it during the debriefs.',
    },
    // ------------------------------------------------------------ The idea
    {
      id: 's-idea',
      kind: 'bullets',
      section: 'The idea',
      minutes: 5,
      title: 'Two words we mix up',
      bullets: [
        'We often treat “leader” and “manager” as the same role. They describe two different ways of working.',
        'Both want to make good use of resources, reach goals and keep a team motivated.',
        'Where they part ways is in how they steer people.',
        'The managing side: plan, organise, control. Attention goes to tasks and efficiency, to measurable output, and to keeping the system running smoothly.',
        'The leading side: people at the centre. Attention goes to the team’s growth, open conversation, feedback in both directions and empathy.',
        'Most real jobs need both. Strong leaders still organise well, and good managers lead.',
      ],
      notes:
        'Keep this short; the scenarios will do the teaching. Stress the first and last bullets: the point is not that managers are bad and leaders are good. ' +
        'Managing keeps commitments reliable and systems stable, and leading is what makes people want to grow and stay. ' +
        'If someone asks which one they are, answer: probably both, in different measures on different days. Today is about noticing the mix.',
    },
    {
      id: 's-directive',
      kind: 'bullets',
      section: 'The idea',
      minutes: 3,
      title: 'When a firm hand is the right call',
      bullets: [
        'A top-down, instruction-led style is often associated with managing.',
        'In some settings it is exactly what is needed: a hospital ward during a crisis, emergency services at an incident, military units.',
        'There, clear orders and quick compliance keep people safe, and there is no time to debate.',
        'In most offices, shops and studios it works less well, and it can tip into micromanaging, especially for experts promoted for their own skill.',
      ],
      notes:
        'This slide heads off the objection “but sometimes you just have to tell people what to do”: yes, and that is fine. ' +
        'Ask the room for one moment in their own work that resembles an emergency (an outage, a safety incident, a hard deadline) and one that does not. ' +
        'The micromanaging point often resonates with people who were promoted because they were the best at the job; handle it gently, as it can feel personal.',
    },
    {
      id: 's-contrasts',
      kind: 'comparison',
      section: 'The idea',
      minutes: 6,
      title: 'Twelve contrasts',
      left: {
        heading: 'Leader',
        items: [
          'Hands power to the team',
          'Coaches and mentors people',
          'Talks about “we”',
          'Looks ahead to growth and the future',
          'Cares most about the results achieved',
          'Owns it when the team falls short',
          'Passes the praise on to the team',
          'Sets a vision and a direction',
          'Shows people how',
          'Puts people first',
          'Challenges the way things are',
          'Is willing to take risks',
        ],
      },
      right: {
        heading: 'Manager',
        items: [
          'Holds on to the power',
          'Assigns the work and gives orders',
          'Talks about “I”',
          'Works to near-term targets and ticks off the list',
          'Cares most about the process and how efficiently it runs',
          'Looks for who is at fault when things go wrong',
          'Keeps the praise for the team’s successes',
          'Sets a plan and an objective',
          'Tells people what',
          'Puts the work first',
          'Keeps to what has proven itself',
          'Prefers to steer clear of risk',
        ],
      },
      notes:
        'Do not read all twelve rows aloud. Give people a minute to scan them, then ask: “Which row surprises you?” and “Which side do you drift to under pressure?” ' +
        'Point out that the columns are tendencies, not verdicts: several manager-side items (a clear plan, a steady process, caution) are strengths in the right place. ' +
        'Tell the room that each of the coming scenarios probes one of these rows, and that the vote is about the behaviour described, not about what they would personally do. ' +
        'Voting basics: read, discuss in groups for about a minute, vote, then we reveal and talk.',
    },
    // ------------------------------------------------------------ Scenarios: people
    {
      id: 's-scenario-power',
      kind: 'scenario',
      section: 'Scenarios: people',
      minutes: 3,
      title: 'Scenario 1 · Power',
      question: {
        id: 'q-power',
        kind: 'classify',
        prompt:
          'A team lead lets the two senior engineers approve releases on their own, without her sign-off. She asks only to be told about anything unusual.',
        dimension: 'power',
        options: [
          { id: 'a', label: 'Manager', style: 'manager' },
          { id: 'b', label: 'Leader', style: 'leader' },
        ],
        debrief:
          'This is the leader side of power: authority handed to the people closest to the work, with the lead staying informed rather than in control of every step. ' +
          'It builds ownership and frees the lead for other things, but it relies on trust and on the engineers being ready for it. ' +
          'Ask the room: what would need to be true before you did this yourself? Where would you keep the sign-off (a regulated product, a brand-new team, a recent incident)? ' +
          'Keeping approval can be sound judgement rather than a grip on power; the question is whether it is still needed or just habit.',
      },
      notes:
        'First scenario, so walk the room through the mechanics: read the situation aloud once, give groups about a minute, then open the vote. ' +
        'Reveal once most have voted. If the room is unanimous, play devil’s advocate for the other side before reading the debrief.',
    },
    {
      id: 's-scenario-guidance',
      kind: 'scenario',
      section: 'Scenarios: people',
      minutes: 3,
      title: 'Scenario 2 · Guidance',
      question: {
        id: 'q-guidance',
        kind: 'choose',
        prompt:
          'A junior analyst’s client report has the same structural problems as last month’s, and it is due to the client on Friday. What do you do?',
        dimension: 'guidance',
        options: [
          {
            id: 'a',
            label: 'Send a clear list of the changes needed plus a template to follow, and ask for the revised version by Thursday.',
            style: 'manager',
          },
          {
            id: 'b',
            label: 'Rewrite the weak sections yourself tonight, so the client receives a solid report on time.',
            style: 'neutral',
          },
          {
            id: 'c',
            label: 'Sit down with them for half an hour, ask how they approached it, and work out the structure together so they can fix it themselves.',
            style: 'leader',
          },
        ],
        debrief:
          'Coaching (sitting down together and letting the analyst find the fix) is the leader-like answer: it costs time now and pays back in every future report. ' +
          'Clear written instructions are the manager-like route; they are efficient and reliable, and a template is a fair tool when the deadline is close. ' +
          'Rewriting it yourself is the expert’s reflex: the report improves, but the analyst learns nothing and the problem will be back next month. ' +
          'Ask: how often have you fixed something yourself because it was faster, and what did that cost later? And when is a deadline a good reason not to coach?',
      },
      notes:
        'Expect a few votes for the rewrite option; do not mock it, since most people in the room have done it. ' +
        'If time allows, ask one person who chose the template to argue for it: a template is a form of guidance too.',
    },
    {
      id: 's-scenario-language',
      kind: 'scenario',
      section: 'Scenarios: people',
      minutes: 3,
      title: 'Scenario 3 · Language',
      question: {
        id: 'q-language',
        kind: 'choose',
        prompt:
          'You are writing the company-wide announcement for a project your team has just delivered: onboarding new customers now takes half as long. Which opening line do you choose?',
        dimension: 'language',
        options: [
          {
            id: 'a',
            label: '“We set out to halve onboarding time, and we have done it.”',
            style: 'leader',
          },
          {
            id: 'b',
            label: '“I committed to halving onboarding time, and I can report that the commitment has been met.”',
            style: 'manager',
          },
        ],
        debrief:
          'Pronouns are small, but people hear them. “We” puts the speaker inside the team and shares the achievement; “I” puts the speaker in front of it. ' +
          'There is a fair case for “I”: a manager who made a commitment to senior management is accountable for it, and owning it in the first person can be honest. ' +
          'Ask the room: how does each version read to the people who did the work? Does the audience change your answer, for example a board report versus a team channel?',
      },
      notes:
        'A quick one; keep it to two or three minutes. Invite someone to read both lines aloud in the voice they would use; the difference becomes obvious. ' +
        'A good follow-up is to ask people to notice their own “I” and “we” in the next email they send.',
    },
    {
      id: 's-scenario-focus',
      kind: 'scenario',
      section: 'Scenarios: people',
      minutes: 3,
      title: 'Scenario 4 · Focus',
      question: {
        id: 'q-focus',
        kind: 'classify',
        prompt:
          'A supervisor starts every weekly meeting straight at the task board, going through it card by card. Personal catch-ups are left for the coffee break afterwards.',
        dimension: 'focus',
        options: [
          { id: 'a', label: 'Leader', style: 'leader' },
          { id: 'b', label: 'Manager', style: 'manager' },
        ],
        debrief:
          'This leans towards the manager side of focus: the meeting is organised around the work, and people come second. ' +
          'Plenty of teams prefer it: the meeting stays short, and nobody is pushed to share personal news in front of colleagues. ' +
          'The risk is that nobody ever asks how people are doing, so problems surface late. ' +
          'Ask the room: in your team, where does the “how are you really?” conversation happen, and who makes sure it does?',
      },
      notes:
        'Some people will argue this is simply an efficient meeting, and they are right; use that to show that a manager-side behaviour is not a bad one. ' +
        'If the vote is split, ask each side to say what they imagine the team feels like.',
    },
    {
      id: 's-scenario-wellbeing',
      kind: 'scenario',
      section: 'Scenarios: people',
      minutes: 3,
      title: 'Scenario 5 · Focus',
      question: {
        id: 'q-wellbeing',
        kind: 'choose',
        prompt:
          'A reliable team member has seemed distracted for two weeks and has missed two small deadlines. What do you do?',
        dimension: 'focus',
        options: [
          {
            id: 'a',
            label: 'Leave it for now: two weeks is not a pattern yet, and they have earned some slack.',
            style: 'neutral',
          },
          {
            id: 'b',
            label: 'Find a quiet moment to ask how they are doing, and listen before you mention the deadlines.',
            style: 'leader',
          },
          {
            id: 'c',
            label: 'Go over the upcoming deadlines with them and offer to move some of their work to others so nothing else slips.',
            style: 'manager',
          },
        ],
        debrief:
          'Asking first and listening is the people-first response: the missed deadlines are treated as a signal about the person, not only about the schedule. ' +
          'Rebalancing the workload is the work-first response, and it is practical and often kind, but it can solve the symptom without ever hearing the cause. ' +
          'Waiting respects privacy and may be right with someone who dislikes being checked on. ' +
          'Ask: what makes it easy or hard for you to ask “how are you doing?” at work, and how do you do it without prying?',
      },
      notes:
        'This one can touch personal experiences; keep the tone light and do not ask anyone to share their own situation. ' +
        'It is the second focus scenario: compare the two votes and ask whether the room leans differently when the stakes are personal.',
    },
    // ------------------------------------------------------------ Scenarios: results
    {
      id: 's-scenario-horizon',
      kind: 'scenario',
      section: 'Scenarios: results',
      minutes: 3,
      title: 'Scenario 6 · Horizon',
      question: {
        id: 'q-horizon',
        kind: 'classify',
        prompt:
          'A department head turns down a request for two of her staff to spend one day a month on a certification course, because it would put this quarter’s delivery targets at risk.',
        dimension: 'horizon',
        options: [
          { id: 'a', label: 'Manager', style: 'manager' },
          { id: 'b', label: 'Leader', style: 'leader' },
        ],
        debrief:
          'Protecting this quarter’s targets at the cost of people’s development is the short-horizon, manager-like choice. ' +
          'A leader-like choice would weigh what the team can do in a year, and perhaps look for a way to make room for the course. ' +
          'The decision can still be right: if the quarter is genuinely critical, saying “not now, but in the next quarter” is reasonable. ' +
          'Ask the room: how would you tell the difference between “not now” and “never”? What does the team hear if it is always “not now”?',
      },
      notes:
        'Open the results block by saying these scenarios are about goals, outcomes and who gets the credit or the blame. ' +
        'If there is time, ask someone to rewrite the department head’s answer so it keeps the target and still invests in growth.',
    },
    {
      id: 's-scenario-outcome',
      kind: 'scenario',
      section: 'Scenarios: results',
      minutes: 3,
      title: 'Scenario 7 · Outcome',
      question: {
        id: 'q-outcome',
        kind: 'choose',
        prompt:
          'Your team can meet a customer’s deadline only by skipping two steps of the internal sign-off procedure. Neither step affects the customer directly. What do you do?',
        dimension: 'outcome',
        options: [
          {
            id: 'a',
            label: 'Follow the full procedure and ask the customer for two more days.',
            style: 'manager',
          },
          {
            id: 'b',
            label: 'Take the faster route, record why, and afterwards review whether those two steps are needed at all.',
            style: 'leader',
          },
        ],
        debrief:
          'Choosing the faster route and reviewing the procedure afterwards puts the result first, which is the leader-like lean. ' +
          'Holding to the procedure puts the process first, which is the manager-like lean, and procedures often exist for reasons nobody remembers until something breaks. ' +
          'This is a strong “it depends” case: in safety, finance or anything regulated, skipping sign-off may not be an option at all. ' +
          'Ask: which of your procedures protect something important, and which are just habit? Who in your team is allowed to ask that question?',
      },
      notes:
        'Expect a split, which is good. If the room goes all one way, change one detail aloud (“the steps are a safety check” or “the customer is your biggest account”) and ask if anyone would change their vote.',
    },
    {
      id: 's-scenario-accountability',
      kind: 'scenario',
      section: 'Scenarios: results',
      minutes: 3,
      title: 'Scenario 8 · Accountability',
      question: {
        id: 'q-accountability',
        kind: 'choose',
        prompt:
          'A release from your team contained a bug that took the billing page offline for an hour. Your director asks you what happened. What do you say?',
        dimension: 'accountability',
        options: [
          {
            id: 'a',
            label: '“I’ll put together the full timeline and come back to you by the end of the day.”',
            style: 'neutral',
          },
          {
            id: 'b',
            label: '“The change came from one developer and skipped a review step. I have spoken to them and tightened the checklist.”',
            style: 'manager',
          },
          {
            id: 'c',
            label: '“That’s on us, and on me as the lead. We missed it in testing, and here is what we are changing so it doesn’t happen again.”',
            style: 'leader',
          },
        ],
        debrief:
          'Taking responsibility as the lead, even when one person made the mistake, is the leader-like response: it shields the individual and keeps attention on fixing the system. ' +
          'Naming the developer is accurate and may even be expected, but it moves the spotlight onto one person, and the team will notice. ' +
          'Asking for time to get the facts right is a sensible neutral first step. ' +
          'Ask the room: what does your team learn from how you answer that question? When is naming an individual fair, and where should that conversation happen?',
      },
      notes:
        'Point out that the manager-like answer contains no unkind words at all; it is the direction of the spotlight that differs. ' +
        'Link back to the warm-up list: did anyone’s best boss ever take the heat for them?',
    },
    {
      id: 's-scenario-credit',
      kind: 'scenario',
      section: 'Scenarios: results',
      minutes: 3,
      title: 'Scenario 9 · Credit',
      question: {
        id: 'q-credit',
        kind: 'classify',
        prompt:
          'When the director praises the new shift-scheduling tool in a meeting, the team lead says it was the idea of the analyst who built it and asks her to explain how it works.',
        dimension: 'credit',
        options: [
          { id: 'a', label: 'Leader', style: 'leader' },
          { id: 'b', label: 'Manager', style: 'manager' },
        ],
        debrief:
          'Passing the praise to the person who did the work, and giving her the stage, is the leader side of credit. ' +
          'It costs the lead a little visibility and earns a lot of trust. The manager-like habit, accepting the praise for the team, is not always selfish: ' +
          'some leads assume the team knows they are grateful, or feel that speaking for the team is part of the role. ' +
          'Ask: how do people in your organisation find out who actually did the work? Does your way of passing on credit reach the people who decide on promotions?',
      },
      notes:
        'Usually an easy vote. Spend the time on the second question in the debrief: visible credit has career consequences. ' +
        'Pair it with the accountability scenario just before: praise passed on, blame taken on.',
    },
    {
      id: 's-scenario-hire',
      kind: 'scenario',
      section: 'Scenarios: results',
      minutes: 3,
      title: 'Scenario 10 · Horizon',
      question: {
        id: 'q-hire',
        kind: 'choose',
        prompt:
          'You have budget for one hire this year, and the team has a large backlog. Who do you hire?',
        dimension: 'horizon',
        options: [
          {
            id: 'a',
            label: 'A promising junior, mentored by one of your seniors, knowing they will need several months before they are fully productive.',
            style: 'leader',
          },
          {
            id: 'b',
            label: 'An experienced specialist who can start clearing the backlog in their first week.',
            style: 'manager',
          },
        ],
        debrief:
          'Hiring for growth and investing in mentoring is the long-horizon, leader-like choice; hiring for immediate capacity is the short-horizon, manager-like one. ' +
          'Both are defensible, and the backlog is a real constraint: a team that is drowning may not have the capacity to mentor anyone. ' +
          'Ask the room: what would the team look like in three years under each choice? And what does the senior who is asked to mentor get out of it?',
      },
      notes:
        'A good scenario for groups with hiring responsibility. If someone proposes a third way (a contractor for the backlog plus a junior), welcome it, and note that combining both horizons is often what good leads do.',
    },
    {
      id: 's-checkin',
      kind: 'discussion',
      section: 'Scenarios: results',
      minutes: 4,
      prompt:
        'Which scenario so far split your group the most? What would have to change in that situation for the other answer to be the better one?',
      seconds: 180,
      notes:
        'A midpoint breather. Let groups talk among themselves, then take two answers. ' +
        'Listen for “it depends on the person” and “it depends on the stakes”; both are the heart of the workshop, so name them out loud. ' +
        'If you are running late, shorten this to one answer rather than cutting a scenario.',
    },
    // ------------------------------------------------------------ Scenarios: change
    {
      id: 's-scenario-direction',
      kind: 'scenario',
      section: 'Scenarios: change',
      minutes: 3,
      title: 'Scenario 11 · Direction',
      question: {
        id: 'q-direction',
        kind: 'classify',
        prompt:
          'At her first all-hands, a new head of department spends most of the time describing where she wants the unit to be in three years and why it matters to the people it serves. She leaves the milestones for each team to work out.',
        dimension: 'direction',
        options: [
          { id: 'a', label: 'Manager', style: 'manager' },
          { id: 'b', label: 'Leader', style: 'leader' },
        ],
        debrief:
          'A picture of the destination and the reason for going there is the leader side of direction; a detailed plan with milestones and owners is the manager side. ' +
          'A vision without a plan can leave teams inspired but unsure what to do on Monday; a plan without a vision can leave them busy but unsure why. ' +
          'Ask the room: if you had to pick one for your first week in a new role, which would it be? Who in your organisation turns the vision into the plan?',
      },
      notes:
        'Introduce the last block: these scenarios are about change, direction and risk. ' +
        'If the group is quiet, ask them to recall the last all-hands they attended and whether they left knowing where things were going.',
    },
    {
      id: 's-scenario-method',
      kind: 'scenario',
      section: 'Scenarios: change',
      minutes: 3,
      title: 'Scenario 12 · Method',
      question: {
        id: 'q-method',
        kind: 'choose',
        prompt:
          'A new colleague is taking over the monthly stock count, which you have done for years. It has to be right the first time. How do you hand it over?',
        dimension: 'method',
        options: [
          {
            id: 'a',
            label: 'Do this month’s count together, with them doing it and you alongside, explaining why each step matters.',
            style: 'leader',
          },
          {
            id: 'b',
            label: 'Give them the written checklist and the due date, and tell them to come to you with any questions.',
            style: 'manager',
          },
          {
            id: 'c',
            label: 'Do this month’s count yourself while they watch, and hand it over fully next month.',
            style: 'neutral',
          },
        ],
        debrief:
          'Working alongside them and explaining the why is “showing how”, the leader-like side of method. Handing over a checklist and a date is “telling what”, the manager-like side. ' +
          'A checklist is valuable (it outlives you), and some people learn best on their own with a document. ' +
          'Watching you do it is a middle path, but people tend to learn more by doing than by observing. ' +
          'Ask: how did you learn the most important task in your job? What would you want the next person to get from you?',
      },
      notes:
        'If there are people in the room from operations or finance, ask how handovers actually happen in their teams. ' +
        'The “right the first time” detail is deliberate: it pulls some people towards the checklist, which makes for a better discussion.',
    },
    {
      id: 's-scenario-change',
      kind: 'scenario',
      section: 'Scenarios: change',
      minutes: 3,
      title: 'Scenario 13 · Change',
      question: {
        id: 'q-change',
        kind: 'classify',
        prompt:
          'When a team member proposes a new way of planning shifts, the supervisor answers that the current rota has run without complaints for five years and he would rather not change it.',
        dimension: 'change',
        options: [
          { id: 'a', label: 'Leader', style: 'leader' },
          { id: 'b', label: 'Manager', style: 'manager' },
        ],
        debrief:
          'Keeping a system that works is the manager side of change: stable, predictable, and often wise. The leader side would be to ask whether “no complaints” really means “working well”, and to let the idea be tested. ' +
          'The hidden cost here is less the rota itself than the message: the team member learns that ideas are not welcome. ' +
          'Ask the room: how could the supervisor keep the rota and still keep the door open? When was the last time someone in your team changed how things are done?',
      },
      notes:
        'Invite one person to role-play the supervisor giving a leader-like answer in one sentence. ' +
        'Common good answers: “Let’s try it for one month on one team” or “Show me what problem it solves.”',
    },
    {
      id: 's-scenario-risk',
      kind: 'scenario',
      section: 'Scenarios: change',
      minutes: 3,
      title: 'Scenario 14 · Risk',
      question: {
        id: 'q-risk',
        kind: 'choose',
        prompt:
          'A team member wants to use a new, untested tool on a live project. It could save weeks, or cause delays if it does not work out. What do you do?',
        dimension: 'risk',
        options: [
          {
            id: 'a',
            label: 'Stay with the tool the team knows, and look at the new one once the project is delivered.',
            style: 'manager',
          },
          {
            id: 'b',
            label: 'Try it on one small part of the project first, with a clear point at which you switch back.',
            style: 'neutral',
          },
          {
            id: 'c',
            label: 'Back the idea and run the project on the new tool, making clear that you will answer for it if it goes wrong.',
            style: 'leader',
          },
        ],
        debrief:
          'Backing the idea in full, and owning the outcome, is the risk-taking, leader-like choice; staying with the known tool is the risk-avoiding, manager-like one. ' +
          'The small trial in between is often the most sensible answer, and many experienced leads would pick it. ' +
          'Avoiding risk is right when the cost of failure is high; taking it is how teams learn and improve. ' +
          'Ask the room: what is the biggest risk your team took in the last year, who decided, and what happened?',
      },
      notes:
        'Expect many votes for the trial. That is a good moment to say that the “best” answer is not always one of the two poles, and that today’s labels describe leanings, not grades.',
    },
    {
      id: 's-scenario-pilot',
      kind: 'scenario',
      section: 'Scenarios: change',
      minutes: 3,
      title: 'Scenario 15 · Risk',
      question: {
        id: 'q-pilot',
        kind: 'classify',
        prompt:
          'Offered the chance to pilot a new way of working before the rest of the organisation, a department head declines and says he would rather see how it goes for others first.',
        dimension: 'risk',
        options: [
          { id: 'a', label: 'Manager', style: 'manager' },
          { id: 'b', label: 'Leader', style: 'leader' },
        ],
        debrief:
          'Waiting for others to go first is the risk-avoiding, manager-like choice; it protects the department from early problems and lets others absorb the cost. ' +
          'Volunteering would be the leader-like choice: the team gets a say in how the new way of working is shaped and learns early, at the price of some disruption. ' +
          'Ask the room: does it matter whether he asked his team before deciding? Would your answer change if the department had just been through a reorganisation?',
      },
      notes:
        'The last scenario. Compare it with the previous one: the same dimension, but now at the level of a whole department. ' +
        'Check the time before moving on; if you are over, keep this debrief to one question.',
    },
    // ------------------------------------------------------------ Closing
    {
      id: 's-quote',
      kind: 'quote',
      section: 'Closing',
      minutes: 2,
      quote: 'At its core, leading is about creating a place where people feel safe enough to do their best work.',
      attribution: 'A common saying among leadership coaches',
      notes:
        'Let the quote sit for a few seconds before speaking. Then connect it to the scenarios: taking the blame, passing on the credit, asking how someone is doing and backing an idea all make people feel safe. ' +
        'Ask: what makes you feel safe at work, and what makes you hold back?',
    },
    {
      id: 's-results',
      kind: 'results',
      section: 'Closing',
      minutes: 5,
      title: 'Our room’s profile',
      notes:
        'Show the room’s votes across all fifteen scenarios. Look for two things: the contrasts where the room leaned clearly one way, and the ones where it split. ' +
        'Name the split ones as the most interesting; that is where context matters most. ' +
        'Avoid turning this into a score: a room that leans towards managing is not failing. Ask: does this profile match how your organisation works day to day?',
    },
    {
      id: 's-commitment',
      kind: 'discussion',
      section: 'Closing',
      minutes: 4,
      prompt:
        'Pick one of the twelve contrasts where you would like to shift a little. What is one thing you will do differently next week? Tell your neighbour so someone knows.',
      seconds: 180,
      notes:
        'Ask for something small and observable, such as “I will say ‘we’ in the team update” or “I will ask one person how they are doing before the agenda”. ' +
        'Collect two or three commitments from the room. If the session has a report, type the commitments into the notes for this slide.',
    },
    {
      id: 's-practice',
      kind: 'bullets',
      section: 'Closing',
      minutes: 3,
      title: 'Leading is a practice',
      bullets: [
        'Leadership is a skill, not a trait: it gets stronger the more you use it, like a muscle.',
        'The sooner you start practising, the further it goes, and you do not need a title to begin.',
        'Management skills still matter: plans, budgets and dependable systems keep the work moving.',
        'Try the other side of one contrast this week, then ask your team in a month what they noticed.',
      ],
      notes:
        'End on encouragement. Remind people that the goal is range: the ability to lead or manage depending on what the moment needs. ' +
        'Thank the room, point to any follow-up material, and close the session on the facilitator screen so the report is saved.',
    },
  ],
};
