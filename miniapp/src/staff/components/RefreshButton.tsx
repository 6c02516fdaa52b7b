import { BigButton } from '../../components/BigButton'

/** Reads the page's data again: the staff member sees what others recorded meanwhile. */
export function RefreshButton({ className, state }: { className: string; state: { loading: boolean; reload: () => Promise<void> } }) {
  return (
    <BigButton variant='link' className={className} loading={state.loading} onClick={() => void state.reload()}>
      {state.loading ? '正在刷新…' : '刷新'}
    </BigButton>
  )
}
