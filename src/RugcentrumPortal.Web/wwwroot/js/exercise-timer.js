// Progressive enhancement: turns the rhythm described on an exercise page into a start/pause/stop pacer.
// Texts come from data attributes on the section; only classes and text change, so the CSP needs no exceptions.
const MOTIONS = ['grow', 'shrink', 'hold', 'tense', 'release'];
const TICK_MS = 200;

const format = (template, ...values) => values.reduce((text, value, i) => text.replace(`{${i}}`, value), template);

// A series of rounds ("2 x 10": two series of ten), with the rest between series after every series but the last.
function readSteps(section) {
  const rounds = Math.max(1, Number(section.dataset.rounds) || 1);
  const sets = Math.max(1, Number(section.dataset.sets) || 1);
  const toStep = (li, round, set) => ({
    label: li.dataset.label,
    seconds: Math.max(1, Number(li.dataset.seconds) || 1),
    motion: MOTIONS.includes(li.dataset.motion) ? li.dataset.motion : 'hold',
    round,
    set,
  });
  const items = [...section.querySelectorAll('.timer-phases li')];
  const steps = items.filter((li) => li.hasAttribute('data-prelude')).map((li) => toStep(li, 0, 0));
  const rest = items.find((li) => li.hasAttribute('data-set-rest'));
  const phases = items.filter((li) => !li.hasAttribute('data-prelude') && !li.hasAttribute('data-set-rest'));
  for (let set = 1; set <= sets; set++) {
    for (let round = 1; round <= rounds; round++) {
      for (const li of phases) {
        steps.push(toStep(li, round, set));
      }
    }
    if (rest && set < sets) {
      steps.push(toStep(rest, 0, set));
    }
  }
  return { steps, rounds, sets };
}

function enhance(section) {
  const { steps, rounds, sets } = readSteps(section);
  if (steps.length === 0) {
    return;
  }
  const text = section.dataset;
  const live = section.querySelector('.timer-live');
  const circle = section.querySelector('.timer-circle');
  const phaseText = section.querySelector('.timer-phase');
  const countText = section.querySelector('.timer-count');
  const roundText = section.querySelector('.timer-round');
  const announcer = section.querySelector('[data-announce]');
  const startButton = section.querySelector('[data-action="start"]');
  const pauseButton = section.querySelector('[data-action="pause"]');
  const pauseLabel = pauseButton.querySelector('span');
  const stopButton = section.querySelector('[data-action="stop"]');

  let index = -1;
  let phaseEnds = 0;
  let remainingMs = 0;
  let timer = null;

  const announce = (message) => { announcer.textContent = message; };

  const setMotion = (step) => {
    circle.classList.remove(...MOTIONS.map((m) => `is-${m}`), ...[...circle.classList].filter((c) => c.startsWith('dur-')));
    if (step) {
      circle.classList.add(`is-${step.motion}`, `dur-${Math.min(step.seconds, 9)}`);
    }
  };

  const show = (step, seconds) => {
    phaseText.textContent = step.label;
    countText.textContent = String(seconds);
    roundText.textContent = step.round === 0 ? ''
      : sets > 1 ? format(text.textSetRound, step.set, sets, step.round, rounds)
      : format(text.textRound, step.round, rounds);
  };

  const enter = (next) => {
    index = next;
    const step = steps[index];
    phaseEnds = performance.now() + step.seconds * 1000;
    setMotion(step);
    show(step, step.seconds);
    announce(format(text.textAnnounce, step.label, step.seconds));
  };

  const tick = () => {
    const left = phaseEnds - performance.now();
    if (left > 0) {
      countText.textContent = String(Math.ceil(left / 1000));
      return;
    }
    if (index + 1 < steps.length) {
      enter(index + 1);
    } else {
      finish(text.textDone);
    }
  };

  const setRunning = (running) => {
    section.classList.toggle('is-running', running);
    startButton.disabled = running || index >= 0;
    pauseButton.disabled = index < 0;
    stopButton.disabled = index < 0;
  };

  const finish = (message) => {
    clearInterval(timer);
    timer = null;
    index = -1;
    setMotion(null);
    phaseText.textContent = message;
    countText.textContent = String(steps[0].seconds);
    roundText.textContent = '';
    pauseLabel.textContent = text.textPause;
    announce(message);
    setRunning(false);
  };

  startButton.addEventListener('click', () => {
    enter(0);
    timer = setInterval(tick, TICK_MS);
    setRunning(true);
    pauseButton.focus();
  });

  pauseButton.addEventListener('click', () => {
    if (timer) {
      remainingMs = phaseEnds - performance.now();
      clearInterval(timer);
      timer = null;
      section.classList.add('is-paused');
      pauseLabel.textContent = text.textResume;
      announce(text.textPaused);
      setRunning(false);
    } else {
      phaseEnds = performance.now() + remainingMs;
      timer = setInterval(tick, TICK_MS);
      section.classList.remove('is-paused');
      pauseLabel.textContent = text.textPause;
      announce(format(text.textAnnounce, steps[index].label, Math.ceil(remainingMs / 1000)));
      setRunning(true);
    }
  });

  stopButton.addEventListener('click', () => {
    section.classList.remove('is-paused');
    finish(text.textStopped);
    startButton.focus();
  });

  phaseText.textContent = text.textReady;
  live.hidden = false;
  section.classList.add('is-enhanced');
}

export function enhanceExerciseTimers(root = document) {
  for (const section of root.querySelectorAll('[data-timer]')) {
    enhance(section);
  }
}
