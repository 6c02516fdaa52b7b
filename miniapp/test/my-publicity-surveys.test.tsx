import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { SurveyStatus } from '@linyi/shared'
import Taro, { conflict, ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { mySurvey, survey } from './my-publicity-fixtures'
import SurveyPage from '../src/publicity/survey/index'
import { StorageKey } from '../src/api/storage'

const MINE = 'GET /me/surveys'
const ANSWER = 'POST /surveys/s-1/answers'
const question = (container: HTMLElement, id: string) => container.querySelector(`#survey-question-${id}`) as HTMLElement

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.residentToken, 'resident-token')
  useRouter.mockReturnValue({ params: { surveyId: 's-1', householdId: 'h-301' } })
})

it('says the survey is anonymous before the questions, and answers all four kinds with big buttons and words', async () => {
  serve({ [MINE]: [ok([mySurvey()]), ok([mySurvey({ answered: true })])], [ANSWER]: { statusCode: 201, data: { surveyId: 's-1', householdId: 'h-301', answeredAt: '2026-12-10T02:00:00.000Z' } } })
  const { container } = render(<SurveyPage />)
  expect(await screen.findByText('不记名问卷')).toBeTruthy()
  expect(screen.getByText(/您的回答和您家的房屋分开保存，谁也查不到是哪一户填的/)).toBeTruthy()

  // Required questions left empty: said by number, nothing sent.
  fireEvent.click(screen.getByText('提交问卷'))
  expect(screen.getByText('第 1 题还没有填写')).toBeTruthy()
  fireEvent.click(within(question(container, 'q1')).getByText('不按时'))
  fireEvent.click(within(question(container, 'q1')).getByText('按时'))
  fireEvent.click(screen.getByText('提交问卷'))
  expect(screen.getByText('第 3 题还没有填写')).toBeTruthy()
  expect(sent(ANSWER)).toHaveLength(0)

  // Multiple: a second tap takes a choice back.
  fireEvent.click(within(question(container, 'q2')).getByText('清洁'))
  fireEvent.click(within(question(container, 'q2')).getByText('噪音'))
  fireEvent.click(within(question(container, 'q2')).getByText('✓ 清洁'))
  const ratings = question(container, 'q3').querySelectorAll('.survey-rating')
  expect([...ratings].map((b) => b.textContent)).toEqual(['1分', '2分', '3分', '4分', '5分'])
  fireEvent.click(ratings[3])
  expect(within(question(container, 'q3')).getByText('1 分最低，5 分最高（必填）')).toBeTruthy()
  typeInto(question(container, 'q4').querySelector('.survey-text')!, '  楼道灯希望换亮一点 ')
  fireEvent.click(screen.getByText('提交问卷'))

  expect(await screen.findByText('问卷已提交，谢谢您！')).toBeTruthy()
  expect(screen.getByText('提交时间：2026年12月10日 10:00（北京时间）')).toBeTruthy()
  expect(sent(ANSWER).map((r) => r.data)).toEqual([
    {
      householdId: 'h-301',
      answers: [
        { questionId: 'q1', choiceIds: ['yes'] },
        { questionId: 'q2', choiceIds: ['noise'] },
        { questionId: 'q3', rating: 4 },
        { questionId: 'q4', text: '楼道灯希望换亮一点' },
      ],
    },
  ])
  await waitFor(() => expect(container.querySelector('.survey-form')).toBeNull())
})

it('a named survey says the answer is kept with the home', async () => {
  serve({ [MINE]: ok([mySurvey({ survey: survey({ anonymous: false }) })]) })
  render(<SurveyPage />)
  expect(await screen.findByText('记名问卷')).toBeTruthy()
  expect(screen.getByText('本问卷记名：您的回答会和您家的房屋一起保存，业委会能看到是哪一户填的。')).toBeTruthy()
})

it('already answered by the household: no form, once per household said plainly', async () => {
  serve({ [MINE]: ok([mySurvey({ answered: true })]) })
  const { container } = render(<SurveyPage />)
  expect(await screen.findByText('1号楼2单元301 已经填写过这份问卷，每户只能填一次。谢谢您！')).toBeTruthy()
  expect(container.querySelector('.survey-form')).toBeNull()
})

it('answered meanwhile on another phone (409): the server’s words, and the page as it now stands', async () => {
  serve({ [MINE]: [ok([mySurvey()]), ok([mySurvey({ answered: true })])], [ANSWER]: conflict('SURVEY_ALREADY_ANSWERED', '您家已经填写过这份问卷') })
  const { container } = render(<SurveyPage />)
  await screen.findByText('提交问卷')
  fireEvent.click(within(question(container, 'q1')).getByText('按时'))
  fireEvent.click(question(container, 'q3').querySelectorAll('.survey-rating')[4])
  fireEvent.click(screen.getByText('提交问卷'))
  expect(await screen.findByText('您家已经填写过这份问卷')).toBeTruthy()
  expect(await screen.findByText(/已经填写过这份问卷，每户只能填一次/)).toBeTruthy()
  expect(container.querySelector('.survey-form')).toBeNull()
})

it('a closed survey cannot be answered', async () => {
  serve({ [MINE]: ok([mySurvey({ survey: survey({ status: SurveyStatus.Closed }) })]) })
  const { container } = render(<SurveyPage />)
  expect(await screen.findByText('这份问卷已经结束，不能再填写了。')).toBeTruthy()
  expect(container.querySelector('.survey-form')).toBeNull()
})

it('without a survey it lists mine, those to fill in first, and opens one for its household', async () => {
  useRouter.mockReturnValue({ params: {} })
  serve({ [MINE]: ok([mySurvey({ survey: survey({ id: 's-0', title: '改造需求调查' }), answered: true }), mySurvey()]) })
  const { container } = render(<SurveyPage />)
  await waitFor(() => expect(container.querySelectorAll('.survey-item')).toHaveLength(2))
  const items = [...container.querySelectorAll('.survey-item')] as HTMLElement[]
  expect(items[0].textContent).toContain('待填写')
  expect(items[1].textContent).toContain('您家已填写')
  expect(within(items[1]).queryByText('去填写')).toBeNull()
  fireEvent.click(within(items[0]).getByText('去填写'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/publicity/survey/index?surveyId=s-1&householdId=h-301' })
})
