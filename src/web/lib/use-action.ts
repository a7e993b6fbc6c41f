// Runs one async action at a time and keeps its pending flag and last problem for the form that started it.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedSubmitEvent } from 'preact';
import type { ApiProblem } from '../api/result';

export interface Action<A extends unknown[]> {
  pending: boolean;
  problem: ApiProblem | null;
  run(...args: A): Promise<void>;
  setProblem(problem: ApiProblem | null): void;
}

/** `work` returns a problem to show, or nothing on success. */
export function useAction<A extends unknown[]>(work: (...args: A) => Promise<ApiProblem | null | undefined | void>): Action<A> {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const isRunning = useRef(false);
  const isMounted = useRef(true);
  const latestWork = useRef(work);
  latestWork.current = work;

  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A) => {
    if (isRunning.current) return;
    isRunning.current = true;
    setPending(true);
    setProblem(null);
    try {
      const outcome = await latestWork.current(...args);
      if (isMounted.current) setProblem(outcome ?? null);
    } finally {
      isRunning.current = false;
      if (isMounted.current) setPending(false);
    }
  }, []);

  return { pending, problem, run, setProblem };
}

/** An onSubmit handler that stops the page load and runs the action with the form. */
export function submitForm(action: Action<[HTMLFormElement]>): (event: TargetedSubmitEvent<HTMLFormElement>) => void {
  return (event) => {
    event.preventDefault();
    void action.run(event.currentTarget);
  };
}
