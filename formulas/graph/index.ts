export {
  createDependencyGraph,
  fieldKey,
  topologicalOrder,
  type Affected,
  type Dependent,
  type DependencyGraph,
  type DependencyMode,
  type FieldKey,
  type FieldRef,
  type GraphFormula,
} from './graph';
export { graphFromSchema } from './from-schema';
