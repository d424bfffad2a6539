import type { ActionInput } from '../../src/packs/types.js';
import type { EmbeddedWorldModel } from '../../src/world-model/embedded/embedded-world-model.js';
import type { Prediction } from '../../src/world-model/embedded/domain-model.js';
import type { Future } from '../../src/world-model/world-model.js';
import type { GeneratorContext } from './fake-openai-server.js';

/**
 * Lets the fake OpenAI server answer with the embedded model's futures, so decisions through it mean
 * something. The prediction is computed once per distinct input, so the fake server's own cost stays
 * far below the latency it is told to add.
 */
export function embeddedGenerator(getModel: () => EmbeddedWorldModel): (ctx: GeneratorContext) => Future {
  const recent = new Map<string, Prediction>();
  return (ctx) => {
    const dm = getModel().model(ctx.domain!);
    const key = JSON.stringify([ctx.domain, ctx.state, ctx.action]);
    let prediction = recent.get(key);
    if (!prediction) {
      const reading = dm.domain.read(ctx.state ?? {}, (ctx.action ?? { description: '' }) as ActionInput);
      prediction = dm.predict(dm.domain.module.featurize(reading), reading.action);
      if (recent.size > 100) recent.clear();
      recent.set(key, prediction);
    }
    return dm.sampleFuture(prediction, ctx.seed, ctx.index, ctx.horizon, 0.8);
  };
}
